using System.Text;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// The placeholders resident-facing texts may hold: {fact:key}, {fact:key|short}, {var:name} (an answer given
/// in this conversation) and {contact} (the offices to call). Anything else in braces is a validation error.
/// </summary>
public static partial class TextTemplate
{
    [GeneratedRegex(@"\{(?<kind>fact|var|contact)(?::(?<key>[a-z0-9_\-]+))?(?:\|(?<style>short))?\}|\{[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public sealed record Reference(string Kind, string Key, string? Style, int Offset, string Raw)
    {
        public bool IsValid => Kind is "fact" or "var" ? Key.Length > 0 : Kind == "contact";
    }

    public static IEnumerable<Reference> References(string text)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            var kind = m.Groups["kind"].Success ? m.Groups["kind"].Value : "invalid";
            var style = m.Groups["style"].Success ? m.Groups["style"].Value : null;
            yield return new Reference(kind, m.Groups["key"].Value, style, m.Index, m.Value);
        }
    }

    public static string Render(string text, Func<Reference, string> resolve)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (var reference in References(text))
        {
            sb.Append(text, last, reference.Offset - last);
            sb.Append(resolve(reference));
            last = reference.Offset + reference.Raw.Length;
        }

        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }
}
