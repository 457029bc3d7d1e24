using System.Globalization;
using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// The small condition language of <c>branch</c>: <c>category == 'ngheo'</c>, <c>members &gt;= 3</c>,
/// <c>income &lt;= fact:chuan-ngheo-nong-thon and not unsure</c>, parentheses, <c>and</c>, <c>or</c>, <c>not</c>.
/// A bare name is true when it holds a value other than "", "no" or "false". Parsed once at load time.
/// </summary>
public sealed class Condition
{
    private readonly Func<Func<string, string?>, IContentStore, object?> _evaluate;

    private Condition(string text, Func<Func<string, string?>, IContentStore, object?> evaluate, IReadOnlyList<string> facts)
    {
        Text = text;
        _evaluate = evaluate;
        FactKeys = facts;
    }

    public string Text { get; }

    public IReadOnlyList<string> FactKeys { get; }

    public bool Evaluate(Func<string, string?> vars, IContentStore content) => Truthy(_evaluate(vars, content));

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static Condition? TryParse(string text, out string? error)
    {
        var parser = new Parser(text);
        try
        {
            var expression = parser.ParseOr();
            parser.ExpectEnd();
            error = null;
            return new Condition(text, expression, parser.Facts);
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0,
        string s => s.Length > 0 && s is not ("no" or "false"),
        _ => true,
    };

    private static decimal? AsNumber(object? value) => value switch
    {
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool Compare(string op, object? left, object? right)
    {
        if (AsNumber(left) is { } l && AsNumber(right) is { } r)
        {
            return op switch
            {
                "==" => l == r,
                "!=" => l != r,
                "<" => l < r,
                "<=" => l <= r,
                ">" => l > r,
                _ => l >= r,
            };
        }

        var ls = Convert.ToString(left, CultureInfo.InvariantCulture);
        var rs = Convert.ToString(right, CultureInfo.InvariantCulture);
        return op switch
        {
            "==" => string.Equals(ls, rs, StringComparison.Ordinal),
            "!=" => !string.Equals(ls, rs, StringComparison.Ordinal),
            _ => false, // ordering needs two numbers; a missing answer compares false
        };
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public List<string> Facts { get; } = [];

        public Func<Func<string, string?>, IContentStore, object?> ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                var l = left;
                var right = ParseAnd();
                left = (v, c) => Truthy(l(v, c)) || Truthy(right(v, c));
            }

            return left;
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_pos < text.Length)
            {
                throw new FormatException($"unexpected \"{text[_pos..]}\" in condition \"{text}\"");
            }
        }

        private Func<Func<string, string?>, IContentStore, object?> ParseAnd()
        {
            var left = ParseNot();
            while (TryKeyword("and"))
            {
                var l = left;
                var right = ParseNot();
                left = (v, c) => Truthy(l(v, c)) && Truthy(right(v, c));
            }

            return left;
        }

        private Func<Func<string, string?>, IContentStore, object?> ParseNot()
        {
            if (TryKeyword("not"))
            {
                var inner = ParseNot();
                return (v, c) => !Truthy(inner(v, c));
            }

            return ParseComparison();
        }

        private Func<Func<string, string?>, IContentStore, object?> ParseComparison()
        {
            var left = ParseOperand();
            SkipSpaces();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (string.CompareOrdinal(text, _pos, op, 0, op.Length) == 0)
                {
                    _pos += op.Length;
                    var right = ParseOperand();
                    return (v, c) => Compare(op, left(v, c), right(v, c));
                }
            }

            return left;
        }

        private Func<Func<string, string?>, IContentStore, object?> ParseOperand()
        {
            SkipSpaces();
            if (_pos >= text.Length)
            {
                throw new FormatException($"condition \"{text}\" ends too early");
            }

            var ch = text[_pos];
            if (ch == '(')
            {
                _pos++;
                var inner = ParseOr();
                SkipSpaces();
                if (_pos >= text.Length || text[_pos] != ')')
                {
                    throw new FormatException($"missing \")\" in condition \"{text}\"");
                }

                _pos++;
                return inner;
            }

            if (ch == '\'')
            {
                var end = text.IndexOf('\'', _pos + 1);
                if (end < 0)
                {
                    throw new FormatException($"unclosed quote in condition \"{text}\"");
                }

                var literal = text[(_pos + 1)..end];
                _pos = end + 1;
                return (_, _) => literal;
            }

            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '-' or '.' or ':'))
            {
                _pos++;
            }

            var word = text[start.._pos];
            if (word.Length == 0)
            {
                throw new FormatException($"unexpected \"{ch}\" in condition \"{text}\"");
            }

            if (decimal.TryParse(word, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return (_, _) => number;
            }

            if (word.StartsWith("fact:", StringComparison.Ordinal))
            {
                var key = word[5..];
                Facts.Add(key);
                return (_, content) => content.FindFact(key)?.Latest.Value; // conditions have no clock: the newest value
            }

            if (word is "and" or "or" or "not")
            {
                throw new FormatException($"\"{word}\" needs something on its left in condition \"{text}\"");
            }

            return (vars, _) => vars(word);
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpaces();
            var end = _pos + keyword.Length;
            if (end <= text.Length && string.CompareOrdinal(text, _pos, keyword, 0, keyword.Length) == 0
                && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])))
            {
                _pos = end;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}
