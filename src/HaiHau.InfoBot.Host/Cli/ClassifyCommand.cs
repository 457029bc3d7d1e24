using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "classify": reads one question per line on stdin and writes one JSON object per line, through the same
/// understanding the chat uses (content/understanding, content/faq): topic, confidence, and the answer the bot gives.
/// For staff checking new examples and FAQ entries; no database is opened.
/// </summary>
public static class ClassifyCommand
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var command = new Command("classify",
            "Read one question per line on stdin; write one JSON object per line: text, topic, confidence, answer_id, decision, runner_up.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, ct) =>
        {
            var data = InfoBotServices.LoadBotData(ValidateCommand.ReadOptions([.. parse.UnmatchedTokens]));
            if (!data.IsValid)
            {
                foreach (var problem in data.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                return 1;
            }

            var understanding = data.Questions;
            while (await input.ReadLineAsync(ct) is { } line)
            {
                if (line.Trim().Length > 0)
                {
                    await output.WriteLineAsync(Describe(line, understanding.Understand(line)));
                }
            }

            return 0;
        });
        return command;
    }

    public static string Describe(string text, UnderstoodQuestion question)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Json))
        {
            json.WriteStartObject();
            json.WriteString("text", text);
            json.WriteString("topic", question.Topic);
            json.WriteNumber("confidence", Math.Round(question.Best.Confidence, 3));
            json.WriteString("answer_id", question.Answer?.Payload);
            json.WriteString("decision", question.Decision switch
            {
                QuestionDecision.Answer => "answer",
                QuestionDecision.Ask => "ask",
                _ => "not_understood",
            });
            json.WriteString("runner_up", question.RunnerUp?.Topic);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
