using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>
/// The published host is self-sufficient (issue 14): `dotnet publish` once, then the dll started from an empty folder
/// serves the chat page, its script, the console's style sheet and a web chat conversation, with its settings read
/// from beside the binaries and nothing but the host's own events in the log. The container image and the systemd unit
/// are run as their files say (their settings, folders and health check), with the image's and the state directory's
/// paths moved into temp folders.
/// </summary>
[Scheduling.LongRunning(23)]
public sealed class PublishedHostTests(PublishedHostTests.Published published) : IClassFixture<PublishedHostTests.Published>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>One publish for the class: the tests only read the published folder (each adds its own settings file at most).</summary>
    public sealed class Published : HostTestBase, IAsyncLifetime
    {
        public string App => Path.Combine(Root, "app");

        public string Root => Folder.Path;

        public async Task InitializeAsync()
        {
            // --no-build: the test run has just built the host in this configuration; publishing reuses that build.
            var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var publish = await RunToEndAsync("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host"), "--no-build", "-c", configuration, "-o", App, "--nologo"], RepoPaths.Root);
            Assert.True(publish.Code == 0, publish.Output);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task The_published_dll_started_from_an_empty_folder_serves_the_web_chat_and_the_console()
    {
        var empty = Directory.CreateDirectory(Path.Combine(published.Root, "somewhere-else")).FullName;
        // A setting only the published folder holds: the host must read its settings from beside the binaries.
        var besideTheBinaries = Path.Combine(published.App, "appsettings.Production.json");
        await File.WriteAllTextAsync(besideTheBinaries, """{ "ConnectionStrings": { "InfoBot": "Data Source=data/from-the-published-settings.db" } }""");
        var port = FreePort();
        try
        {
            await using var host = await RunningHost.StartAsync([Path.Combine(published.App, "HaiHau.InfoBot.Host.dll"), "--urls", $"http://127.0.0.1:{port}"], empty, new Dictionary<string, string>());
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var page = await http.GetAsync(new Uri("/", UriKind.Relative));
            var script = await http.GetAsync(new Uri("/chat.js", UriKind.Relative));
            var style = await http.GetAsync(new Uri("/admin.css", UriKind.Relative));
            var login = await http.GetAsync(new Uri("/admin/login", UriKind.Relative));
            var chat = new WebChatClient(http);
            var start = await chat.StartAsync();
            var answer = await chat.SendAsync(start.ConversationId, choice: "bhyt");

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal(HttpStatusCode.OK, style.StatusCode);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("Chào bác!", start.AllText, StringComparison.Ordinal);
            Assert.Contains("Hộ nhà bác đang thuộc diện nào?", answer.AllText, StringComparison.Ordinal);
            // The published settings were read, and their relative path is taken from where the host was started.
            Assert.True(File.Exists(Path.Combine(empty, "data", "from-the-published-settings.db")));
            Assert.DoesNotContain("Executed DbCommand", host.Log, StringComparison.Ordinal); // no SQL at Information
            // The publish ships the understanding the build prepared: this first start read it and did not train.
            Assert.Contains("Question understanding read from the files prepared at build", host.Log, StringComparison.Ordinal);
            Assert.DoesNotContain(start.ConversationId, host.Log, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(besideTheBinaries);
        }
    }

    [Fact]
    public async Task The_container_image_as_its_Dockerfile_says_runs_from_its_folder_keeps_its_state_on_the_volume_and_its_health_check_tells()
    {
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile"));
        var volume = Directory.CreateDirectory(Path.Combine(published.Root, "volume")).FullName;
        var port = FreePort();
        string Moved(string value) => value.Replace("/data", volume, StringComparison.Ordinal).Replace("/app/", published.App + "/", StringComparison.Ordinal)
            .Replace("+:8080", $"127.0.0.1:{port}", StringComparison.Ordinal).Replace("localhost:8080", $"127.0.0.1:{port}", StringComparison.Ordinal);
        var runtime = dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        var environment = DeployFile.DockerEnvironment(runtime).ToDictionary(e => e.Key, e => Moved(e.Value));
        var entry = DeployFile.DockerArray(runtime, "ENTRYPOINT").Select(Moved).ToList();
        var check = DeployFile.DockerArray(runtime, "HEALTHCHECK").Select(Moved).ToList();

        Assert.Contains("USER app", runtime); // the image's non-root user, never root
        Assert.DoesNotContain(runtime, l => l.StartsWith("USER root", StringComparison.Ordinal));
        Assert.Contains("VOLUME /data", runtime);
        Assert.Equal("dotnet", entry[0]);
        (int Code, string Output) healthy;
        await using (var host = await RunningHost.StartAsync(entry.Skip(1).ToArray(), published.App, environment))
        {
            healthy = await RunToEndAsync(check[0], check.Skip(1).ToArray(), published.App);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var chat = new WebChatClient(http);
            await chat.SendAsync((await chat.StartAsync()).ConversationId, choice: "bhyt");
        }

        var afterStop = await RunToEndAsync(check[0], check.Skip(1).ToArray(), published.App);

        Assert.True(healthy.Code == 0, healthy.Output);
        Assert.NotEqual(0, afterStop.Code);
        Assert.True(File.Exists(Path.Combine(volume, "infobot.db")), "the database is on the volume");
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(volume, "logs")));
        Assert.Empty(Directory.EnumerateFiles(published.App, "*.db", SearchOption.AllDirectories)); // nothing written beside the binaries
    }

    [Fact]
    public async Task The_systemd_unit_as_written_starts_the_host_in_its_state_directory_behind_the_local_proxy()
    {
        var unit = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Root, "deploy", "infobot.service"));
        var state = Directory.CreateDirectory(Path.Combine(published.Root, "state")).FullName;
        var port = FreePort();
        string Moved(string value) => value.Replace("/var/lib/haihau-infobot", state, StringComparison.Ordinal)
            .Replace("/opt/haihau-infobot", published.App, StringComparison.Ordinal).Replace("127.0.0.1:5080", $"127.0.0.1:{port}", StringComparison.Ordinal);
        var environment = DeployFile.UnitEnvironment(unit).ToDictionary(e => e.Key, e => Moved(e.Value));
        var exec = Moved(DeployFile.UnitValue(unit, "ExecStart")).Split(' ');
        var workingDirectory = Moved(DeployFile.UnitValue(unit, "WorkingDirectory"));

        Assert.Equal("infobot", DeployFile.UnitValue(unit, "User"));
        Assert.Equal("127.0.0.1", environment["InfoBot__Proxy__KnownProxies__0"]);
        Assert.Equal("/usr/bin/dotnet", exec[0]);
        await using var host = await RunningHost.StartAsync(exec.Skip(1).ToArray(), workingDirectory, environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var chat = new WebChatClient(http);
        var answer = await chat.SendAsync((await chat.StartAsync()).ConversationId, choice: "bhyt");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("Hộ nhà bác đang thuộc diện nào?", answer.AllText, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(state, "infobot.db")), "the database is in the state directory");
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(state, "logs")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, string[] args, string folder, IReadOnlyDictionary<string, string> environment, Action<string> onLine)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Production, as deployed: no development settings, no static web assets manifest pointing into the source tree.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int Code, string Output)> RunToEndAsync(string file, string[] args, string folder)
    {
        var output = new StringBuilder();
        using var process = Start(file, args, folder, new Dictionary<string, string>(), line => { lock (output) { output.AppendLine(line); } });
        await process.WaitForExitAsync().WaitAsync(Patience);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>The published host as a child process, up once it says it listens; killed (as a crash would) on dispose.</summary>
    private sealed class RunningHost : IAsyncDisposable
    {
        private readonly StringBuilder _log = new();
        private Process _process = null!;

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public static async Task<RunningHost> StartAsync(string[] args, string folder, IReadOnlyDictionary<string, string> environment)
        {
            var host = new RunningHost();
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            host._process = Start("dotnet", args, folder, environment, line =>
            {
                lock (host._log)
                {
                    host._log.AppendLine(line);
                }

                if (line.Contains("Now listening on", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            });
            try
            {
                await listening.Task.WaitAsync(Patience);
            }
            catch (TimeoutException)
            {
                await host.DisposeAsync();
                throw new TimeoutException("the published host did not start:\n" + host.Log);
            }

            return host;
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
