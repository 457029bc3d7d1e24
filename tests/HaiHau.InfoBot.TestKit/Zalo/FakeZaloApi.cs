using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.TestKit.Zalo;

/// <summary>One request the fake received, as it came over the wire.</summary>
public sealed record ZaloRequest(string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);

/// <summary>A consultation text the fake accepted.</summary>
public sealed record ZaloSentText(string UserId, string Text, string MessageId);

/// <summary>
/// A fake Zalo OpenAPI and OAuth server on Kestrel, 127.0.0.1, a free port (channels.md §C.8): POST
/// /v3.0/oa/message/cs and POST /v4/oa/access_token with single-use refresh tokens (a reused one is refused),
/// error codes scripted per call, every request recorded. Answers as Zalo does: HTTP 200 and "error" in the body.
/// </summary>
public sealed partial class FakeZaloApi : IAsyncDisposable
{
    public const string AppId = "1234567890123456789";
    public const string AppSecret = "fake-app-secret-7Qm2vX";
    public const string OaSecretKey = "TEST_OA_SECRET_KEY";
    public const string OaId = "388613280878808645";

    private readonly object _lock = new();
    private readonly List<ZaloRequest> _requests = [];
    private readonly List<ZaloSentText> _sent = [];
    private readonly Queue<(int Error, string Message)> _sendScript = new();
    private readonly Queue<Action<HttpContext>?> _refreshScript = new();
    private readonly WebApplication _app;
    private int _generation;
    private bool _accessExpired;

    private FakeZaloApi(WebApplication app)
    {
        _app = app;
        (AccessToken, RefreshToken) = NewPair();
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The access token Zalo accepts now.</summary>
    public string AccessToken { get; private set; }

    /// <summary>The refresh token Zalo accepts now (once).</summary>
    public string RefreshToken { get; private set; }

    /// <summary>
    /// Zalo's call limit on /v3.0/oa/message/cs (null, the default: none), e.g. 4,000 a minute; above it the call is
    /// answered error -32, as Zalo does. Every send call is recorded in it with its time.
    /// </summary>
    public SlidingWindowCap? SendCap { get; set; }

    public IReadOnlyList<ZaloRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<ZaloSentText> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToList();
            }
        }
    }

    public int RefreshCalls => Requests.Count(r => r.Path == "/v4/oa/access_token");

    public int SendCalls => Requests.Count(r => r.Path == "/v3.0/oa/message/cs");

    public static async Task<FakeZaloApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeZaloApi(app);
        app.MapPost("/v3.0/oa/message/cs", (Delegate)fake.SendAsync);
        app.MapPost("/v4/oa/access_token", (Delegate)fake.TokenAsync);
        app.MapPost("/v3.0/oa/message/promotion", (Delegate)fake.PromotionAsync);
        app.MapPost("/v2.0/oa/quota/message", (Delegate)fake.QuotaAsync);
        app.MapPost("/message/template", (Delegate)fake.ZnsAsync);
        app.MapGet("/template/info/v2", (Delegate)fake.TemplateInfoAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.Single());
        return fake;
    }

    /// <summary>The bot's InfoBot:Zalo settings for this fake: its addresses, ids, secrets and the current tokens.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["InfoBot:Zalo:AppId"] = AppId,
        ["InfoBot:Zalo:AppSecret"] = AppSecret,
        ["InfoBot:Zalo:OaSecretKey"] = OaSecretKey,
        ["InfoBot:Zalo:AccessToken"] = AccessToken,
        ["InfoBot:Zalo:RefreshToken"] = RefreshToken,
        ["InfoBot:Zalo:OpenApiBaseUrl"] = BaseUrl.ToString(),
        ["InfoBot:Zalo:OAuthBaseUrl"] = BaseUrl.ToString(),
    };

    /// <summary>The next send calls answer these errors, in order, whatever they carry.</summary>
    public void FailNextSend(int error, string message)
    {
        lock (_lock)
        {
            _sendScript.Enqueue((error, message));
        }
    }

    /// <summary>The access token expires now: sends with it get -220 until a refresh.</summary>
    public void ExpireAccessToken()
    {
        lock (_lock)
        {
            _accessExpired = true;
        }
    }

    /// <summary>The next refresh call spends the refresh token and then loses the answer (connection dropped).</summary>
    public void DropNextRefreshAnswer()
    {
        lock (_lock)
        {
            _refreshScript.Enqueue(context => context.Abort());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private (string Access, string Refresh) NewPair()
    {
        var n = ++_generation;
        return ($"fake-access-{n}-{Guid.NewGuid():N}", $"fake-refresh-{n}-{Guid.NewGuid():N}");
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        var body = await RecordAsync(context);
        lock (_lock)
        {
            if (_sendScript.TryDequeue(out var scripted))
            {
                return Error(scripted.Error, scripted.Message);
            }

            if (SendCap is { } cap && !cap.TryAdmit())
            {
                return Error(-32, "Your application/OA reached limit call api");
            }

            var token = context.Request.Headers["access_token"].ToString();
            if (token != AccessToken)
            {
                return Error(-216, "Access token is invalid");
            }

            if (_accessExpired)
            {
                return Error(-220, "access_token is expired or removed");
            }

            var json = JsonNode.Parse(body);
            var userId = json?["recipient"]?["user_id"];
            if (WindowError(userId?.ToString()) is { } outside)
            {
                return outside;
            }

            var text = json?["message"]?["text"];
            if (text is null && json?["message"]?["attachment"]?["payload"] is JsonObject template)
            {
                // A template (request_user_info): kept with its title, so tests see the share-phone card.
                var title = template["elements"]?[0]?["title"];
                if (userId?.GetValueKind() != JsonValueKind.String || title?.GetValueKind() != JsonValueKind.String)
                {
                    return Error(-201, "elements is invalid!");
                }

                text = JsonValue.Create($"[{template["template_type"]}] {title.GetValue<string>()}");
            }

            // Zalo user ids are long digit strings; anything else is not a user of this OA.
            if (userId?.GetValueKind() != JsonValueKind.String || text?.GetValueKind() != JsonValueKind.String
                || !userId.GetValue<string>().All(char.IsAsciiDigit))
            {
                return Error(-201, "user_id is invalid!");
            }

            if (text.GetValue<string>().Length > 2000)
            {
                return Error(-201, "text is invalid!");
            }

            var messageId = Guid.NewGuid().ToString("N")[..20];
            _sent.Add(new ZaloSentText(userId.GetValue<string>(), text.GetValue<string>(), messageId));
            return Results.Json(new JsonObject
            {
                ["data"] = new JsonObject { ["message_id"] = messageId, ["user_id"] = userId.GetValue<string>(), ["sent_time"] = "1663203600000" },
                ["error"] = 0,
                ["message"] = "Success",
            });
        }
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        await RecordAsync(context);
        var form = await context.Request.ReadFormAsync();
        lock (_lock)
        {
            if (context.Request.Headers["secret_key"].ToString() != AppSecret || form["app_id"].ToString() != AppId)
            {
                return Error(-14001, "Invalid app_id or secret_key");
            }

            if (form["grant_type"].ToString() != "refresh_token" || form["refresh_token"].ToString() != RefreshToken)
            {
                return Error(-14014, "Invalid refresh token"); // a reused (spent) token lands here too
            }

            // A refresh spends the refresh token and invalidates the old access token at once.
            (AccessToken, RefreshToken) = NewPair();
            _accessExpired = false;
            if (_refreshScript.TryDequeue(out var scripted) && scripted is not null)
            {
                scripted(context);
                return Results.Empty;
            }

            return Results.Json(new JsonObject { ["access_token"] = AccessToken, ["refresh_token"] = RefreshToken, ["expires_in"] = "90000" });
        }
    }

    private async Task<string> RecordAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_lock)
        {
            _requests.Add(new ZaloRequest(context.Request.Path, headers, context.Request.ContentType, body));
        }

        return body;
    }

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["error"] = code, ["message"] = message });
}
