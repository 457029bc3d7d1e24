namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A message written for an FAQ entry or article, in one of the ways residents ask (content/understanding/practice-letters.tsv):
/// what the <see cref="EntryModel"/> learns the entry's asks from.
/// </summary>
/// <param name="Voice">How it is written: a letter, a chat message, a question retold by a paper, a legal Q&amp;A letter, an elderly voice, a page's title.</param>
public sealed record PracticeLetter(AnswerRef Answer, string Voice, string Text)
{
    /// <summary>
    /// An older resident's voice: plain words, little punctuation, written as they type, the region's slips included
    /// («bác nà bà già», «phải nên xã hỏi»). <see cref="DialectPairs"/> does not learn the region's spelling from it: a
    /// slip seen once in the bot's texts stops that slip being restored everywhere.
    /// </summary>
    public const string ElderlyVoice = "elderly";

    /// <summary>Whether the message is written in standard spelling (everything but <see cref="ElderlyVoice"/>).</summary>
    public bool StandardSpelling => !string.Equals(Voice, ElderlyVoice, StringComparison.Ordinal);
}
