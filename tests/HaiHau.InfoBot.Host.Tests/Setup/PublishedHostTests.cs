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
/// from beside the binaries and nothing but the host's own events in the log.
/// </summary>
public sealed class PublishedHostTests : HostTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_published_dll_started_from_an_empty_folder_serves_the_web_chat_and_the_console()
    {
        var published = Path.Combine(Folder.Path, "app");
        var empty = Directory.CreateDirectory(Path.Combine(Folder.Path, "somewhere-else")).FullName;
        // --no-build: the test run has just built the host in this configuration; publishing reuses that build.
        var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var publish = await RunToEndAsync("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host"), "--no-build", "-c", configuration, "-o", published, "--nologo"], RepoPaths.Root);
        Assert.True(publish.Code == 0, publish.Output);

        var port = FreePort();
        var log = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Start("dotnet", [Path.Combine(published, "HaiHau.InfoBot.Host.dll"), "--urls", $"http://127.0.0.1:{port}"], empty, line =>
        {
            lock (log)
            {
                log.AppendLine(line);
            }

            if (line.Contains("Now listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        });
        try
        {
            await listening.Task.WaitAsync(Patience);
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
            Assert.True(File.Exists(Path.Combine(empty, "data", "infobot.db"))); // the data where it was started, not beside the binaries

            string text;
            lock (log)
            {
                text = log.ToString();
            }

            Assert.DoesNotContain("Executed DbCommand", text, StringComparison.Ordinal); // no SQL at Information
            Assert.DoesNotContain(start.ConversationId, text, StringComparison.Ordinal);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, string[] args, string folder, Action<string> onLine)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Production, as deployed: no development settings, no static web assets manifest pointing into the source tree.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
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
        using var process = Start(file, args, folder, line => { lock (output) { output.AppendLine(line); } });
        await process.WaitForExitAsync().WaitAsync(Patience);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
