using System.Text;
using HaiHau.InfoBot.Storage.Operations;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Privacy;

/// <summary>Byte scans of a test's database files, for the erasure tests (issue 14: rows deleted, bytes left behind).</summary>
internal static class DatabaseFiles
{
    /// <summary>
    /// The database files (main, WAL, shared memory) holding <paramref name="text"/> as UTF-8 or UTF-16. The running
    /// host's lock file (issue 19) is skipped: it is held exclusively and is always empty, so it can hold no data.
    /// </summary>
    public static List<string> Find(TempDirectory folder, string text)
    {
        var found = new List<string>();
        var lockFile = DatabaseLock.PathFor(Path.Combine(folder.Path, "infobot.db"));
        Assert.True(!File.Exists(lockFile) || new FileInfo(lockFile).Length == 0, "the lock file holds bytes"); // stat only: it is locked
        foreach (var file in Directory.GetFiles(folder.Path, "infobot.db*").Where(f => Path.GetFullPath(f) != lockFile))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
            {
                if (bytes.AsSpan().IndexOf(encoding.GetBytes(text)) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)} ({encoding.WebName})");
                }
            }
        }

        return found;
    }
}
