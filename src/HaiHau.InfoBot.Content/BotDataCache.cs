using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// One loaded, validated and trained <see cref="BotData"/> per content in a process, keyed by a hash of every file
/// under dialogs/ and content/ (names and bytes). BotData is read-only once loaded, so hosts built on the same files
/// share it: the test suite's hosts (hundreds) and the benchmark's side-by-side hosts no longer each parse the YAML
/// and retrain the classifier. Edited files hash differently and load afresh.
/// </summary>
public static class BotDataCache
{
    private static readonly ConcurrentDictionary<string, Lazy<BotData>> Loaded = new(StringComparer.Ordinal);

    /// <param name="classifiers">Where the classifier is looked up before training; the first host to load this content decides it.</param>
    public static BotData Load(string dialogsDirectory, string contentDirectory, IClassifierStore? classifiers = null)
    {
        var key = Hash(dialogsDirectory, contentDirectory);
        var data = Loaded.GetOrAdd(key, _ => new Lazy<BotData>(() => BotDataLoader.Load(dialogsDirectory, contentDirectory, classifiers, key))).Value;
        if (!data.IsValid)
        {
            Loaded.TryRemove(key, out _); // broken data is reported each time, never kept
        }

        return data;
    }

    /// <summary>
    /// XxHash128 (a cache key, not a secret: no crypto stack loaded for it) over the loading code's build, both folders'
    /// names (they begin every location a problem names), their relative file names, lengths and contents, in ordinal
    /// order. Not their full paths: the parsers' snapshot the build prepared must match the same files installed elsewhere.
    /// </summary>
    public static string Hash(string dialogsDirectory, string contentDirectory)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes($"bot data {typeof(BotDataCache).Assembly.ManifestModule.ModuleVersionId:N}\n"));
        foreach (var root in new[] { dialogsDirectory, contentDirectory })
        {
            hash.Append(Encoding.UTF8.GetBytes(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))) + "\n"));
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(path);
                hash.Append(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(root, path)}\n{bytes.Length}\n"));
                hash.Append(bytes);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
