namespace HaiHau.InfoBot.TestKit;

/// <summary>Finds the repository's folders from a test's output directory (the folder holding HaiHau.InfoBot.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string Content => Path.Combine(Root, "content");

    /// <summary>Copies a folder of the repository (content, dialogs) to <paramref name="to"/>, so a test can break its copy.</summary>
    public static string CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HaiHau.InfoBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HaiHau.InfoBot.sln not found above " + AppContext.BaseDirectory);
    }
}
