namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A message written for an FAQ entry or article, in one of the ways residents ask (content/understanding/practice-letters.tsv):
/// what the <see cref="EntryModel"/> learns the entry's asks from.
/// </summary>
/// <param name="Voice">How it is written: a letter, a chat message, a question retold by a paper, a legal Q&amp;A letter, an elderly voice, a page's title.</param>
public sealed record PracticeLetter(AnswerRef Answer, string Voice, string Text);
