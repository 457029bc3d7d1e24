using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Host.Tests.Health;

/// <summary>
/// An OTLP/HTTP trace collector on 127.0.0.1 that keeps every export's protobuf bytes. Span names, attribute keys and
/// string values are plain UTF-8 inside protobuf, so a test can look for them (and for what must never be there)
/// without decoding the message.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> _exports = new();
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public int Exports => _exports.Count;

    /// <summary>Everything exported so far, as one text (the bytes read as UTF-8; the binary fields become noise).</summary>
    public string Text => string.Concat(_exports.Select(e => System.Text.Encoding.UTF8.GetString(e)));

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector._exports.Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf"); // an empty ExportTraceServiceResponse: all accepted
        });
        await app.StartAsync();
        collector._app = app;
        collector.BaseUrl = new Uri(app.Urls.Single());
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
