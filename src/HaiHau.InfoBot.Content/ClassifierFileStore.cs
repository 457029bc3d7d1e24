using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// Trained classifiers as files in one folder, named by their training key (classifier-&lt;key&gt;.bin): a host
/// restarted on the same content reads about a megabyte instead of training for a second or more. The key covers
/// every training example, so edited content simply misses and trains; a torn or foreign file reads as a miss. Files
/// are written to a temporary name and renamed, so a reader never sees half a model; the newest few are kept.
/// Nothing personal is in them: the weights come from content/ only. The whole built understanding (vocabulary, answer
/// index and weights; understanding-&lt;key&gt;.bin) is kept beside them the same way, so a restart normalises nothing.
/// A second, read-only folder (<paramref name="prepared"/>) holds the files the build made from the content it shipped
/// (the prepare-understanding verb, run by the Host's build): a new install reads them instead of training. Their
/// names are the same keys, so content edited after the build misses them and trains.
/// </summary>
public sealed class ClassifierFileStore(string folder, string? prepared = null) : IClassifierStore
{
    private const string Prefix = "classifier-";
    private const string BuiltPrefix = "understanding-";
    private const string ParsedPrefix = "parsed-";
    private const string Extension = ".bin";
    private const int Kept = 8; // tests and benchmarks build models of several contents in one folder

    private int _trained;
    private int _preparedReads;

    public string Folder { get; } = Path.GetFullPath(folder);

    public string? PreparedFolder { get; } = prepared is null ? null : Path.GetFullPath(prepared);

    /// <summary>How many models were trained and kept here: zero when every load read stored files.</summary>
    public int Trained => Volatile.Read(ref _trained);

    /// <summary>How many loads read the files the build prepared.</summary>
    public int PreparedReads => Volatile.Read(ref _preparedReads);

    public SoftmaxClassifier? Find(string key, IReadOnlyList<string> classes, int features)
    {
        foreach (var path in Candidates(Prefix, key))
        {
            try
            {
                using var stream = File.OpenRead(path);
                if (SoftmaxClassifier.Read(stream, classes, features) is { } model)
                {
                    CountIfPrepared(path);
                    return model;
                }
            }
            catch (IOException)
            {
                // absent, or being replaced: the next place, else train
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    public void Keep(string key, SoftmaxClassifier model)
    {
        Interlocked.Increment(ref _trained);
        Write(Prefix, key, model.Write);
    }

    public byte[]? FindBuilt(string key)
    {
        var (contents, path) = FindBytes(BuiltPrefix, key);
        if (path is not null)
        {
            CountIfPrepared(path);
        }

        return contents;
    }

    public void KeepBuilt(string key, byte[] contents) => Write(BuiltPrefix, key, stream => stream.Write(contents));

    /// <summary>Not counted as a prepared read: the start's log speaks of the understanding, and the parsers' snapshot is not it.</summary>
    public byte[]? FindParsed(string key) => FindBytes(ParsedPrefix, key).Contents;

    public void KeepParsed(string key, byte[] contents) => Write(ParsedPrefix, key, stream => stream.Write(contents));

    private (byte[]? Contents, string? Path) FindBytes(string prefix, string key)
    {
        foreach (var path in Candidates(prefix, key))
        {
            try
            {
                return (File.ReadAllBytes(path), path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return (null, null);
    }

    /// <summary>
    /// The classifier and the built understanding are both counted: when only answer texts changed, the classifier
    /// alone can come from the prepared folder, and the start's log must not call that the model cache.
    /// </summary>
    private void CountIfPrepared(string path)
    {
        if (!path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _preparedReads);
        }
    }

    /// <summary>The model cache first (what this install trained), then what the build prepared.</summary>
    private IEnumerable<string> Candidates(string prefix, string key)
    {
        yield return PathOf(prefix, key);
        if (PreparedFolder is not null)
        {
            yield return Path.Combine(PreparedFolder, prefix + key + Extension);
        }
    }

    private void Write(string prefix, string key, Action<Stream> write)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var temporary = Path.Combine(Folder, $"{prefix}{key}.{Guid.NewGuid():N}.tmp");
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, PathOf(prefix, key), overwrite: true);
            foreach (var old in new DirectoryInfo(Folder).EnumerateFiles(prefix + "*" + Extension).OrderByDescending(f => f.LastWriteTimeUtc).Skip(Kept))
            {
                old.Delete();
            }
        }
        catch (IOException)
        {
            // Best effort: a read-only or full disk costs the next start a training, nothing else.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string PathOf(string prefix, string key) => Path.Combine(Folder, prefix + key + Extension);
}
