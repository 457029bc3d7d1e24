namespace HaiHau.InfoBot.Host.Setup;

/// <summary>Finds dialogs/ and content/: as configured if absolute, else in the working directory, else beside the binaries.</summary>
public static class BotDataPaths
{
    public static string Resolve(string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        var fromWorkingDirectory = Path.GetFullPath(configured);
        if (Directory.Exists(fromWorkingDirectory))
        {
            return fromWorkingDirectory;
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, configured);
        return Directory.Exists(besideBinaries) ? besideBinaries : fromWorkingDirectory;
    }
}
