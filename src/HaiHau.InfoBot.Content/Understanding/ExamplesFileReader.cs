using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Reads content/understanding/examples/&lt;topic&gt;.yaml: the ways residents ask about one topic, the classifier's
/// training data.
/// <code>
/// topic: health_insurance
/// questions:
///   - thẻ bảo hiểm y tế hết hạn thì làm sao
///   - the bhyt het han
/// </code>
/// </summary>
public static class ExamplesFileReader
{
    public static IReadOnlyList<ExampleQuestion> Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var examples = new List<ExampleQuestion>();
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not DataMap root)
        {
            return examples;
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "an examples file", "topic", "questions");
        var topic = reader.RequiredString(root, "topic", "the examples file");
        var expected = Path.GetFileNameWithoutExtension(file);
        if (topic.Length > 0 && topic != expected)
        {
            reader.Report(root.Get("topic")!.Location, $"topic \"{topic}\" must match the file name \"{expected}\"");
        }

        switch (root.Get("questions"))
        {
            case DataList list:
                foreach (var item in list.Items)
                {
                    if (item is DataScalar { IsNull: false } scalar && VietnameseText.HasWords(scalar.Value))
                    {
                        examples.Add(new ExampleQuestion(topic, scalar.Value, scalar.Location));
                    }
                    else
                    {
                        reader.Report(item.Location, "each question must be a line of words");
                    }
                }

                break;
            case null:
                reader.Report(root.Location, "missing \"questions\"");
                break;
            default:
                reader.Report(root.Get("questions")!.Location, "\"questions\" must be a list");
                break;
        }

        return examples;
    }
}
