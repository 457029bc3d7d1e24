namespace HaiHau.InfoBot.Host.Setup;

/// <summary>
/// Where the web host finds wwwroot/ and appsettings.json (issue 14: started as `dotnet /opt/infobot/HaiHau.InfoBot.Host.dll`
/// from another folder, it served no page and ignored its settings). The working directory when it has wwwroot/
/// (`dotnet run --project`), else the folder of the binaries when they carry it (a published copy); an explicit
/// --contentRoot or ASPNETCORE_CONTENTROOT always wins.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitly = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var here = Directory.GetCurrentDirectory();
        var binaries = AppContext.BaseDirectory;
        var useBinaries = !explicitly && !Directory.Exists(Path.Combine(here, "wwwroot")) && Directory.Exists(Path.Combine(binaries, "wwwroot"));
        return useBinaries ? new WebApplicationOptions { Args = args, ContentRootPath = binaries } : new WebApplicationOptions { Args = args };
    }
}
