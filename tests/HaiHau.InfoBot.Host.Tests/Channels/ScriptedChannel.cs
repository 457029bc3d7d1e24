using System.Collections.Concurrent;
using System.Text.Json;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Host.Tests.Channels;

/// <summary>
/// A test platform behind the real seam: its webhook body is {"id","chat","text","button","signal"} with the header
/// X-Scripted-Token: ok, and its sends answer from a script (default: sent). Tests of the real platforms use
/// their real clients against fake servers; this one tests the plumbing every platform shares.
/// </summary>
public sealed class ScriptedChannel(TimeProvider time) : IChannelAdapter
{
    public const string Name = "scripted";

    private readonly ConcurrentQueue<SendResult> _script = new();

    public string Channel => Name;

    public ConcurrentQueue<(string ChatId, string Text)> Sent { get; } = new();

    public ConcurrentQueue<string> Acknowledged { get; } = new();

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _heldAcknowledgements = new(StringComparer.Ordinal);

    /// <summary>
    /// The acknowledgement of message <paramref name="externalId"/> (the last step of its turn) waits until the returned
    /// source is completed: the turn stays in progress, as a slow platform call would keep it.
    /// </summary>
    public TaskCompletionSource HoldAcknowledgement(string externalId) =>
        _heldAcknowledgements.GetOrAdd(externalId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The next sends answer these, in order; then sends succeed again.</summary>
    public void Script(params SendResult[] results)
    {
        foreach (var result in results)
        {
            _script.Enqueue(result);
        }
    }

    private readonly ConcurrentDictionary<string, ConcurrentQueue<SendResult>> _scriptByChat = new(StringComparer.Ordinal);

    /// <summary>The next sends to <paramref name="chatId"/> answer these, in order (before the channel's script); then as usual.</summary>
    public void ScriptFor(string chatId, params SendResult[] results)
    {
        var queue = _scriptByChat.GetOrAdd(chatId, _ => new ConcurrentQueue<SendResult>());
        foreach (var result in results)
        {
            queue.Enqueue(result);
        }
    }

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken ct)
    {
        if (request.Header("x-scripted-token") != "ok")
        {
            return ValueTask.FromResult<WebhookResult>(new WebhookResult.Rejected(403, "bad token"));
        }

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var chat = root.GetProperty("chat").GetString()!;
        var who = new ConversationRef(Name, chat, chat);
        if (root.TryGetProperty("signal", out var signal))
        {
            var kind = signal.GetString() == "takeover" ? ChannelSignalKind.HumanTakeover : ChannelSignalKind.Unreachable;
            return ValueTask.FromResult<WebhookResult>(new WebhookResult.Accepted([], [new ChannelSignal(who, kind, time.GetUtcNow(), TimeSpan.FromHours(1), "test")]));
        }

        if (!root.TryGetProperty("id", out var id))
        {
            return ValueTask.FromResult<WebhookResult>(new WebhookResult.Ignored("no message"));
        }

        var message = new InboundMessage(who, id.GetString()!, time.GetUtcNow(), Text(root, "text"), Text(root, "button"), IsStart: Text(root, "text") == "/start");
        return ValueTask.FromResult<WebhookResult>(new WebhookResult.Accepted(message));
    }

    public Task<SendResult> SendAsync(ConversationRef to, OutboundMessage message, CancellationToken ct)
    {
        if (_scriptByChat.TryGetValue(to.ChatId, out var forChat) && forChat.TryDequeue(out var scriptedForChat) && scriptedForChat is not SendResult.Sent)
        {
            return Task.FromResult(scriptedForChat);
        }

        if (_script.TryDequeue(out var scripted) && scripted is not SendResult.Sent)
        {
            return Task.FromResult(scripted);
        }

        Sent.Enqueue((to.ChatId, message.Text));
        return Task.FromResult<SendResult>(new SendResult.Sent("m" + Sent.Count));
    }

    public async Task AfterStoredAsync(InboundMessage message, CancellationToken ct)
    {
        if (_heldAcknowledgements.TryGetValue(message.ExternalId, out var held))
        {
            await held.Task.WaitAsync(ct);
        }

        Acknowledged.Enqueue(message.ExternalId);
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
