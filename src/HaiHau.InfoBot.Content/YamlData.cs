using HaiHau.InfoBot.Core.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HaiHau.InfoBot.Content;

/// <summary>Parses YAML text into the located <see cref="DataNode"/> tree; syntax errors become problems with line and column.</summary>
public static class YamlData
{
    public static DataNode? Parse(string text, string file, List<ContentProblem> problems, int lineOffset = 0)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var at = new SourceLocation(file, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column);
            problems.Add(new ContentProblem(at, $"YAML syntax: {Describe(ex)}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, for a flow list or map still open at the end
            // ("question: [Cơ quan…"): a problem to report like any other, not a crash of the load.
            problems.Add(new ContentProblem(new SourceLocation(file, 1 + lineOffset, 1),
                "YAML syntax: the text ends inside an open [ ], { } or quotes"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), "the file is empty"));
            return null;
        }

        return Convert(stream.Documents[0].RootNode, file, lineOffset);
    }

    private static DataNode Convert(YamlNode node, string file, int lineOffset)
    {
        var at = new SourceLocation(file, (int)node.Start.Line + lineOffset, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
                var entries = new List<KeyValuePair<DataScalar, DataNode>>();
                foreach (var (key, value) in map.Children)
                {
                    var keyNode = (DataScalar)Convert(key is YamlScalarNode ? key : new YamlScalarNode(key.ToString()), file, lineOffset);
                    entries.Add(new(keyNode, Convert(value, file, lineOffset)));
                }

                return new DataMap(entries, at);
            case YamlSequenceNode list:
                return new DataList(list.Children.Select(c => Convert(c, file, lineOffset)).ToList(), at);
            case YamlScalarNode scalar:
                var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";
                return new DataScalar(scalar.Value ?? string.Empty, at, isNull);
            default:
                return new DataScalar(node.ToString(), at);
        }
    }

    // YamlDotNet prefixes messages with the position; the caller already prints file:line:column.
    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
