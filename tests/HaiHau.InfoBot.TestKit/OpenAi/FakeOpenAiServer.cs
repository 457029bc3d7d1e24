using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.TestKit.OpenAi;

/// <summary>
/// An OpenAI-compatible chat/completions API on 127.0.0.1 with a random port, as Ollama and vLLM serve it:
/// POST {base}/chat/completions, answered from a script of <see cref="FakeModelReply"/> (text, tool calls, errors,
/// malformed bodies, hangs), streamed as server-sent events when the call asks for it. Every call's JSON body is
/// recorded, so a test can check what left the bot.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<FakeModelReply> _script = new();
    private readonly List<JsonObject> _requests = [];
    private WebApplication _app = null!;
    private int _calls;

    /// <summary>InfoBot:Answerer:Endpoint for the bot, e.g. http://127.0.0.1:41234/v1.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>What a call gets when the script is empty.</summary>
    public FakeModelReply WhenEmpty { get; set; } = new FakeModelReply.Text("KHÔNG_ĐỦ");

    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var fake = new FakeOpenAiServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", fake.HandleAsync);
        await app.StartAsync();
        fake._app = app;
        fake.Endpoint = app.Urls.Single().TrimEnd('/') + "/v1";
        return fake;
    }

    /// <summary>Adds replies to the script, answered in order, one per call.</summary>
    public void Script(params FakeModelReply[] replies)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted))!;
        FakeModelReply reply;
        int call;
        lock (_gate)
        {
            _requests.Add(body);
            reply = _script.Count > 0 ? _script.Dequeue() : WhenEmpty;
            call = ++_calls;
        }

        var stream = body["stream"]?.GetValue<bool>() == true;
        var model = body["model"]?.GetValue<string>() ?? "fake";
        switch (reply)
        {
            case FakeModelReply.Hang:
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;

            case FakeModelReply.Status status:
                http.Response.StatusCode = status.Code;
                if (status.RetryAfterSeconds is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await http.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = $"fake error {status.Code}", ["type"] = "fake", ["code"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
                return;

            case FakeModelReply.Malformed:
                http.Response.ContentType = stream ? "text/event-stream" : "application/json";
                await http.Response.WriteAsync(stream ? "data: {\"choices\": [{\"delta\": \n\n" : "{\"id\": \"chatcmpl-x\", \"choices\": [{\"message\": ", http.RequestAborted);
                return;

            case FakeModelReply.Text text:
                if (text.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(text.Delay, http.RequestAborted); // the benchmark's slow model (real time, never in tests)
                }

                var message = new JsonObject { ["role"] = "assistant", ["content"] = text.Content };
                await (stream ? StreamAsync(http, call, model, message, "stop", Pieces(text.Content)) : AnswerAsync(http, call, model, message, "stop"));
                return;

            case FakeModelReply.ToolCall tool:
                var calls = new JsonArray(new JsonObject
                {
                    ["id"] = $"call_{call}",
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = tool.Function, ["arguments"] = tool.ArgumentsJson },
                });
                var withTools = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = calls };
                await (stream ? StreamAsync(http, call, model, withTools, "tool_calls", []) : AnswerAsync(http, call, model, withTools, "tool_calls"));
                return;
        }
    }

    private static Task AnswerAsync(HttpContext http, int call, string model, JsonObject message, string finish) =>
        http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = $"chatcmpl-{call}",
            ["object"] = "chat.completion",
            ["created"] = 1764720000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        });

    private static async Task StreamAsync(HttpContext http, int call, string model, JsonObject message, string finish, IReadOnlyList<string> pieces)
    {
        http.Response.ContentType = "text/event-stream";
        var deltas = new List<JsonObject>();
        if (message["tool_calls"] is JsonArray tools)
        {
            var first = (JsonObject)tools[0]!.DeepClone();
            first["index"] = 0;
            deltas.Add(new JsonObject { ["role"] = "assistant", ["tool_calls"] = new JsonArray(first) });
        }
        else
        {
            deltas.Add(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty });
            deltas.AddRange(pieces.Select(p => new JsonObject { ["content"] = p }));
        }

        foreach (var delta in deltas)
        {
            await WriteEventAsync(http, Chunk(call, model, delta, null));
        }

        await WriteEventAsync(http, Chunk(call, model, new JsonObject(), finish));
        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
    }

    private static JsonObject Chunk(int call, string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = $"chatcmpl-{call}",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1764720000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task WriteEventAsync(HttpContext http, JsonObject chunk)
    {
        await http.Response.WriteAsync($"data: {chunk.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}\n\n", Encoding.UTF8, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    /// <summary>Streams a text in pieces of a few words, as a model does.</summary>
    private static List<string> Pieces(string text)
    {
        var words = text.Split(' ');
        return words.Chunk(3).Select((c, i) => (i == 0 ? string.Empty : " ") + string.Join(' ', c)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
