namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A message written for an FAQ entry or article, in one of the ways residents ask (content/understanding/practice-letters.tsv):
/// what the <see cref="EntryModel"/> learns the entry's asks from.
/// </summary>
/// <param name="Voice">How it is written: a letter, a chat message, a question retold by a paper, a legal Q&amp;A letter, an elderly voice, a page's title.</param>
public sealed record PracticeLetter(AnswerRef Answer, string Voice, string Text)
{
    /// <summary>
    /// An older resident's voice: plain words, little punctuation, and (since stop 53) the region's slips written on purpose
    /// («nàm» for làm, «chợ cấp» for trợ cấp), so that the entry model knows them. <see cref="DialectPairs"/> does not learn
    /// the region's spelling from it: a slip seen once in the bot's texts would stop that slip being restored.
    /// </summary>
    public const string ElderlyVoice = "elderly";

    /// <summary>Whether the message is written in standard spelling (everything but <see cref="ElderlyVoice"/>).</summary>
    public bool StandardSpelling => !string.Equals(Voice, ElderlyVoice, StringComparison.Ordinal);
}
