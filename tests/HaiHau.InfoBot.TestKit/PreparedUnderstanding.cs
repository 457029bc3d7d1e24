using HaiHau.InfoBot.Content;

namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// The question understanding the Host's build prepared from the repository's content (its prepare-understanding step
/// writes src/HaiHau.InfoBot.Host/bin/&lt;configuration&gt;/net10.0/prepared-understanding). Test processes read it as a new
/// install does, instead of training the same model again (issue 15: on a fresh clone each test process trained it,
/// about 1.5 s of CPU in a Debug build, while its parallel hosts waited). Edited content, or a build without the step,
/// misses the files and trains as before: the files are named by a hash of the content and the code.
/// </summary>
public static class PreparedUnderstanding
{
    /// <summary>The folder beside the built host (it may not exist: then nothing is read from it).</summary>
    public static string Folder { get; } = Path.Combine(
        RepoPaths.Root, "src", "HaiHau.InfoBot.Host", "bin",
        AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release", "net10.0", "prepared-understanding");

    /// <summary>
    /// A model cache in the test's own output folder (as a host's default data/model-cache under its working folder)
    /// over the prepared files: what is missing is trained once and kept for the next run.
    /// </summary>
    public static ClassifierFileStore Store() => new(Path.Combine(AppContext.BaseDirectory, "data", "model-cache"), Folder);
}
