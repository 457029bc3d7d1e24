using System.Collections.Concurrent;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// The model cache of the understanding rebuilt with staff's decisions (the console's unanswered loop), in a folder of
/// its own: what was built from residents' words (the words staff linked or added, and the weights learnt from them)
/// stays apart from what was built from content/, and after each rebuild every file the new understanding did not use is
/// deleted (<see cref="ForgetUnused"/>). An erased resident's words, gone from the database, are then gone from the
/// disk at the rebuild that follows (Luật Bảo vệ dữ liệu cá nhân: erasure that really erases), while a restart on the
/// same decisions still reads its understanding instead of training (start-up ≤ 1.5 s). What the content alone gives
/// (a classifier staff's decisions left unchanged) is read from the content's store and never written here.
/// </summary>
/// <param name="folder">The taught folder: <see cref="TaughtFolder"/> under the model cache.</param>
public sealed class TaughtModelStore(string folder, IClassifierStore? content) : IClassifierStore
{
    /// <summary>The folder's name under the model cache.</summary>
    public const string TaughtFolder = "taught";

    private readonly ClassifierFileStore _own = new(folder);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public string Folder => _own.Folder;

    /// <summary>
    /// Called before the content's models are read: the first time a model cache has no <see cref="TaughtFolder"/>
    /// (a release before 7 December kept what it built with staff's decisions among the content's models), every model
    /// in it is deleted once, since which of them hold residents' words cannot be told. The start then reads the models
    /// the build prepared, or trains once if the content was edited here.
    /// </summary>
    public static void ForgetOlderReleasesModels(string modelCache)
    {
        var folder = Path.Combine(modelCache, TaughtFolder);
        if (Directory.Exists(folder))
        {
            return;
        }

        try
        {
            // No model cache yet: a new install, with nothing older to forget; the folder marks the cache as this release's.
            foreach (var file in Directory.Exists(modelCache) ? Directory.EnumerateFiles(modelCache, "*.bin") : [])
            {
                File.Delete(file);
            }

            Directory.CreateDirectory(folder);
        }
        catch (IOException)
        {
            // tried again at the next start
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public SoftmaxClassifier? Find(string key, IReadOnlyList<string> classes, int features)
    {
        if (_own.Find(key, classes, features) is { } model)
        {
            _used[key] = 0;
            return model;
        }

        return content?.Find(key, classes, features);
    }

    public void Keep(string key, SoftmaxClassifier model)
    {
        _used[key] = 0;
        _own.Keep(key, model);
    }

    public byte[]? FindBuilt(string key)
    {
        if (_own.FindBuilt(key) is { } built)
        {
            _used[key] = 0;
            return built;
        }

        return content?.FindBuilt(key);
    }

    public void KeepBuilt(string key, byte[] contents)
    {
        _used[key] = 0;
        _own.KeepBuilt(key, contents);
    }

    public byte[]? FindParsed(string key) => content?.FindParsed(key);

    public void KeepParsed(string key, byte[] contents) => content?.KeepParsed(key, contents);

    /// <summary>
    /// Deletes every file here that no find or keep used since the last call: called after each rebuild (rebuilds do not
    /// overlap), so only the understanding in use stays. Best effort, like the cache: a file that cannot be deleted now
    /// is tried again at the next rebuild.
    /// </summary>
    public void ForgetUnused()
    {
        try
        {
            if (Directory.Exists(Folder))
            {
                foreach (var file in Directory.EnumerateFiles(Folder))
                {
                    var name = Path.GetFileName(file);
                    if (!_used.Keys.Any(key => name.Contains(key, StringComparison.Ordinal)))
                    {
                        File.Delete(file);
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _used.Clear();
    }
}
