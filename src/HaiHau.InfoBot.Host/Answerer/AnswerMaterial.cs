using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// What one composition is grounded on: the entry retrieval chose (and the runner-up when it is an entry too), the
/// article the entry leads to, the facts they use with today's values, and the sources named at the end.
/// </summary>
public sealed record AnswerMaterial(string EntriesText, string FactsText, IReadOnlyList<string> GroundingTexts, IReadOnlyList<string> Sources)
{
    /// <summary>Longest part of an article given to the model: a small local model has a small context.</summary>
    private const int ArticleChars = 1500;

    public static AnswerMaterial For(FaqEntry best, FaqEntry? runnerUp, IContentStore content, IQuestionUnderstanding understanding, DateOnly day)
    {
        var entries = new StringBuilder();
        var grounding = new List<string>();
        var sources = new List<string>();
        var factKeys = new List<string>();
        foreach (var faq in new[] { best, runnerUp }.OfType<FaqEntry>().DistinctBy(f => f.Id))
        {
            var answer = Render(faq.Answer, content, day, factKeys);
            entries.Append("### ").AppendLine(faq.Question).AppendLine(answer).AppendLine();
            grounding.Add(faq.Question);
            grounding.Add(answer);
            sources.Add($"hỏi đáp «{faq.Question}»");
            if (content.FindArticle(faq.AnswerArticle) is { } article)
            {
                var body = Render(article.Body, content, day, factKeys);
                body = body.Length > ArticleChars ? body[..ArticleChars] : body;
                entries.Append("### ").AppendLine(article.Title).AppendLine(body).AppendLine();
                grounding.Add(article.Title);
                grounding.Add(body);
                grounding.AddRange(article.Sources); // the acts an answer may cite
                sources.Add($"bài «{article.Title}»");
            }
        }

        var facts = new StringBuilder();
        foreach (var fact in factKeys.Distinct(StringComparer.Ordinal).Select(content.FindFact).OfType<Fact>())
        {
            if (fact.On(day) is { Confirmed: true })
            {
                facts.Append("- ").Append(fact.Label).Append(": ").AppendLine(FactFormatter.Format(fact, day));
            }
        }

        // Every confirmed fact in force today grounds the answer, and where to send a resident who needs more.
        if (content is ContentCatalog catalog)
        {
            grounding.AddRange(catalog.Facts.Where(f => f.On(day) is { Confirmed: true })
                .Select(f => $"{f.Label}: {FactFormatter.Format(f, day)} ({f.On(day)!.LegalBasis})"));
        }

        if (understanding is QuestionUnderstanding { Referrals.Default: { } office })
        {
            grounding.Add(office.Name);
            grounding.Add(office.Say);
        }

        return new AnswerMaterial(entries.ToString().Trim(), facts.Length == 0 ? "(không có)" : facts.ToString().Trim(), grounding, sources);
    }

    public static string Today(DateOnly day) => VietnameseFormat.Date(day);

    private static string Render(string text, IContentStore content, DateOnly day, List<string> factKeys) =>
        TextTemplate.Render(text, reference =>
        {
            if (reference.Kind == "fact" && content.FindFact(reference.Key) is { } fact)
            {
                factKeys.Add(fact.Key);
                return FactFormatter.Format(fact, day, reference.Style);
            }

            return reference.Kind == "contact" ? content.District.OfficeName : string.Empty;
        });
}
