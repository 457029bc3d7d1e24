namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Trained classifiers kept between runs under <see cref="SoftmaxClassifier.Key"/>, so a host started on content it
/// has seen before reads the weights instead of training (issue 15: start-up ≤ 1.5 s). A store that cannot find or
/// read a model returns null and the caller trains; keeping is best effort.
/// </summary>
public interface IClassifierStore
{
    SoftmaxClassifier? Find(string key, IReadOnlyList<string> classes, int features);

    void Keep(string key, SoftmaxClassifier model);

    /// <summary>
    /// The whole built understanding stored under this key (see <see cref="QuestionUnderstanding.Build"/>), or null: a
    /// store that keeps only weights says null, and the build then normalises the content and looks the weights up.
    /// </summary>
    byte[]? FindBuilt(string key) => null;

    void KeepBuilt(string key, byte[] contents)
    {
    }

    /// <summary>
    /// What the content's YAML and Markdown parsed to, stored under a hash of the content files (the Content project's
    /// parsers' snapshot), or null: a store that keeps none says null and every file is parsed.
    /// </summary>
    byte[]? FindParsed(string key) => null;

    void KeepParsed(string key, byte[] contents)
    {
    }
}
