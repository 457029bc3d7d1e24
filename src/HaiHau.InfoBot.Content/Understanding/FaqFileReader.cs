using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Reads content/faq/&lt;id&gt;.md: front matter with <c>question</c>, <c>keywords</c> (other ways to ask it, with and
/// without diacritics) and <c>answer_article</c>; then an optional short answer in Markdown. Without a body the
/// article is the answer. Optional <c>subjects</c>: who or what the entry is about where its neighbours differ only in that; <c>ages</c>; <c>for_household</c>: the household category whose entitlements it tells. The topic is the article's, filled in once the articles are known.
/// </summary>
public static class FaqFileReader
{
    /// <summary>The short answer fits on a phone screen; the article is one button away for the rest.</summary>
    public const int MaxAnswerLength = 700;

    private static readonly string[] Fields = ["question", "keywords", "answer_article", "sources", "subjects", "ages", "for_household"];

    public static FaqEntry? Read(string text, string file, QuestionNormalizer normalizer, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        if (FrontMatter.Split(text, file, problems, parsers) is not { } parts)
        {
            return null;
        }

        var (map, body, bodyLine) = parts;
        var reader = new DataReader(problems);
        reader.OnlyKnownFields(map, "an FAQ entry's front matter", Fields);
        var id = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 40 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Add(new ContentProblem(new SourceLocation(file, 1, 1), $"the file name \"{id}\" must be short lower-case ASCII and '-' (it travels in buttons)"));
        }

        if (body.Length > MaxAnswerLength)
        {
            problems.Add(new ContentProblem(new SourceLocation(file, bodyLine, 1), $"the answer has {body.Length} characters; keep it under {MaxAnswerLength} and leave the rest to the article"));
        }

        var subjects = reader.StringList(map, "subjects");
        foreach (var subject in subjects.Where(s => s.Any(char.IsDigit)))
        {
            // The bot reads every number as "a number": «dưới 6 tuổi» would also be named by «dưới 16 tuổi».
            problems.Add(new ContentProblem(map.Get("subjects")?.Location ?? map.Location, $"subject \"{subject}\" has a number; write the subject in words (numbers match any number)"));
        }

        foreach (var subject in subjects.Where(s => !s.Any(char.IsDigit)))
        {
            // The bot leaves out words that say little («sắp», «con»…) before comparing: «sắp sinh» read as «sinh», which
            // every «học sinh», «vệ sinh», «sinh sống» names, and a letter about an 81-year-old living alone got the
            // childbirth entry beside the elderly allowance.
            var read = normalizer.Words(subject).Select(w => w.Token).ToList();
            if (read.Count < subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
            {
                problems.Add(new ContentProblem(map.Get("subjects")?.Location ?? map.Location,
                    $"subject \"{subject}\" reads as «{string.Join(' ', read)}» (the bot leaves the other words out), which messages about other things name; write words that all count"));
            }
        }

        var ages = ReadAges(reader.StringList(map, "ages"), map.Get("ages")?.Location ?? map.Location, problems);
        var forHousehold = reader.OptionalString(map, "for_household");
        if (forHousehold is not null && forHousehold is not (ResidentCase.Poor or ResidentCase.NearPoor or ResidentCase.Escaped))
        {
            problems.Add(new ContentProblem(map.Get("for_household")?.Location ?? map.Location,
                $"for_household must be {ResidentCase.Poor}, {ResidentCase.NearPoor} or {ResidentCase.Escaped}, not \"{forHousehold}\""));
            forHousehold = null;
        }

        var question = reader.RequiredString(map, "question", $"FAQ entry \"{id}\"");
        var article = reader.RequiredString(map, "answer_article", $"FAQ entry \"{id}\"");
        var keywords = reader.StringList(map, "keywords");
        foreach (var (field, asked) in keywords.Select(k => ("keyword", k)).Prepend(("question", question)))
        {
            LetterLengthRule.Check(field, asked, map.Get(field == "question" ? "question" : "keywords")?.Location ?? map.Location, normalizer, problems);
        }

        return new FaqEntry(id, question, keywords, article, string.Empty,
            body.Length == 0 ? string.Empty : (parsers ?? ContentParsers.Direct).Markdown(body, file), map.Get("answer_article")?.Location ?? map.Location)
        {
            Subjects = subjects,
            Ages = ages,
            ForHousehold = forHousehold,
        };
    }

    /// <summary><c>ages: [60, 130]</c>: from and to, in years, both included. Null when absent or broken (reported).</summary>
    private static AgeRange? ReadAges(IReadOnlyList<string> values, SourceLocation location, List<ContentProblem> problems)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count == 2 && int.TryParse(values[0], System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(values[1], System.Globalization.CultureInfo.InvariantCulture, out var to) && from is >= 0 and <= MaxAge && to >= from && to <= MaxAge)
        {
            return new AgeRange(from, to);
        }

        problems.Add(new ContentProblem(location, $"ages must be two whole numbers of years, from and to, between 0 and {MaxAge} (e.g. [60, {MaxAge}]), not [{string.Join(", ", values)}]"));
        return null;
    }

    private const int MaxAge = 130;
}
