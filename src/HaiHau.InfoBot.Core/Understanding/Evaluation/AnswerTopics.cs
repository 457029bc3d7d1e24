using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>The topic an answer id belongs to, for the per-topic figures of an evaluation.</summary>
public static class AnswerTopics
{
    public static Func<string, string> Resolver(IQuestionUnderstanding understanding, IContentStore content) => payload =>
        AnswerRef.Parse(payload) switch
        {
            { Kind: AnswerRef.Faq, Id: var id } => understanding.FindFaq(id)?.Topic ?? $"? {payload}",
            { Kind: AnswerRef.Article, Id: var id } => content.FindArticle(id)?.Topic ?? $"? {payload}",
            { Kind: AnswerRef.Topic, Id: var id } => id,
            { Kind: AnswerRef.Refer } => AnswerReport.ReferralTopic,
            { Kind: AnswerRef.Screener } => Topics.Eligibility,
            { Kind: AnswerRef.Listings, Id: "jobs" } => Topics.Jobs,
            { Kind: AnswerRef.Listings } => Topics.VocationalTraining,
            _ => $"? {payload}",
        };
}
