using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// Trained classifiers as files in one folder, named by their training key (classifier-&lt;sha256&gt;.bin): a host
/// restarted on the same content reads about a megabyte instead of training for a second or more. The key covers
/// every training example, so edited content simply misses and trains; a torn or foreign file reads as a miss. Files
/// are written to a temporary name and renamed, so a reader never sees half a model; the newest few are kept.
/// Nothing personal is in them: the weights come from content/ only. The whole built understanding (vocabulary, answer
/// index and weights; understanding-&lt;sha256&gt;.bin) is kept beside them the same way, so a restart normalises nothing.
/// </summary>
public sealed class ClassifierFileStore(string folder) : IClassifierStore
{
    private const string Prefix = "classifier-";
    private const string BuiltPrefix = "understanding-";
    private const string Extension = ".bin";
    private const int Kept = 8; // tests and benchmarks build models of several contents in one folder

    public string Folder { get; } = Path.GetFullPath(folder);

    public SoftmaxClassifier? Find(string key, IReadOnlyList<string> classes, int features)
    {
        try
        {
            using var stream = File.OpenRead(PathOf(Prefix, key));
            return SoftmaxClassifier.Read(stream, classes, features);
        }
        catch (IOException)
        {
            return null; // absent, or being replaced: train
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Keep(string key, SoftmaxClassifier model) => Write(Prefix, key, model.Write);

    public byte[]? FindBuilt(string key)
    {
        try
        {
            return File.ReadAllBytes(PathOf(BuiltPrefix, key));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void KeepBuilt(string key, byte[] contents) => Write(BuiltPrefix, key, stream => stream.Write(contents));

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
