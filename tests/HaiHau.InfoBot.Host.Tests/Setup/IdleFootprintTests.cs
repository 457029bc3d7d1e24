using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Host.Tests.Persistence;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>
/// What a host that only serves residents keeps out of memory (issue 15). With no Zalo, Telegram or answerer settings
/// the real host process answers a resident without loading the HTTP client resilience (Polly) those features use, nor
/// the IIS and HTTP/3 (QUIC) servers WebApplication.CreateBuilder would load; and HTTPS endpoints from the "Kestrel"
/// settings still serve on the slim builder that replaced it.
/// </summary>
[Scheduling.LongRunning(9)] // 9 s alone (trx, load 8): a host process and two HTTPS hosts
public sealed class IdleFootprintTests : HostTestBase
{
    /// <summary>Assemblies only a configured channel or answerer needs, or a server this Linux host never uses.</summary>
    private static readonly string[] NotForResidentsOnly =
    [
        "Polly.Core.dll",
        "Microsoft.Extensions.Http.Resilience.dll",
        "Microsoft.AspNetCore.Server.IIS.dll",
        "Microsoft.AspNetCore.Server.IISIntegration.dll",
        "System.Net.Quic.dll",
        "Microsoft.AspNetCore.Server.Kestrel.Transport.Quic.dll",
        "System.CommandLine.dll", // the verbs' parser: a start with settings only runs the bot without it
        "System.IO.FileSystem.Watcher.dll", // settings files are read at start, not watched
    ];

    [Fact]
    public async Task A_host_without_channels_or_answerer_answers_a_resident_without_loading_their_HTTP_stack()
    {
        using var host = await HostProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:InfoBot"] = Folder.SqliteConnectionString(),
            ["InfoBot:ModelCachePath"] = Path.Combine(Folder.Path, "model-cache"),
            ["InfoBot:DialogsPath"] = RepoPaths.Dialogs,
            ["InfoBot:ContentPath"] = RepoPaths.Content,
        }, CancellationToken.None);

        using var http = new HttpClient { BaseAddress = host.Address };
        var chat = new WebChatClient(http);
        var id = (await chat.StartAsync()).ConversationId;
        var answer = (await chat.SendAsync(id, text: "cơ quan bảo hiểm xã hội ở chỗ nào")).AllText;
        var loaded = host.LoadedAssemblies();

        Assert.Contains("VssID", answer, StringComparison.Ordinal); // content/faq/bhxh-o-dau.md
        Assert.Contains("HaiHau.InfoBot.Host.dll", loaded); // the process's own map is read
        Assert.Contains("Microsoft.AspNetCore.Server.Kestrel.Core.dll", loaded);
        Assert.All(NotForResidentsOnly, assembly => Assert.DoesNotContain(assembly, loaded));
    }

    /// <summary>
    /// HTTPS is set up only when the settings ask for it (a plain-HTTP host behind its proxy skips Kestrel's certificate
    /// look-up and its crypto stack at start): an endpoint under "Kestrel", or an https address with the default certificate.
    /// </summary>
    [Theory]
    [InlineData("endpoint")]
    [InlineData("urls")]
    public async Task An_https_address_in_the_settings_serves_with_its_certificate(string setting)
    {
        var pfx = Path.Combine(Folder.Path, "host.pfx");
        string thumbprint;
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            thumbprint = certificate.Thumbprint;
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test"));
        }

        var port = ChildHostHealth.FreePort().ToString(CultureInfo.InvariantCulture);
        await using var app = InfoBotWeb.Build(
        [
            "--ConnectionStrings:InfoBot=" + Folder.SqliteConnectionString(),
            "--InfoBot:DialogsPath=" + RepoPaths.Dialogs,
            "--InfoBot:ContentPath=" + RepoPaths.Content,
            "--Serilog:MinimumLevel:Default=Error",
            .. setting == "endpoint"
                ? (string[])[$"--Kestrel:Endpoints:Https:Url=https://127.0.0.1:{port}", "--Kestrel:Endpoints:Https:Certificate:Path=" + pfx, "--Kestrel:Endpoints:Https:Certificate:Password=test"]
                : [$"--urls=https://127.0.0.1:{port}", "--Kestrel:Certificates:Default:Path=" + pfx, "--Kestrel:Certificates:Default:Password=test"],
        ]);
        await app.StartAsync();
        string? served = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                served = certificate?.Thumbprint;
                return served == thumbprint;
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };

        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(thumbprint, served);
    }
}
