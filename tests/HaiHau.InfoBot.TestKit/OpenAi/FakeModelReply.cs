namespace HaiHau.InfoBot.TestKit.OpenAi;

/// <summary>One scripted answer of <see cref="FakeOpenAiServer"/> to one chat/completions call.</summary>
public abstract record FakeModelReply
{
    /// <summary>The assistant says <paramref name="Content"/> (streamed in small pieces when the call asks to stream).</summary>
    public sealed record Text(string Content, TimeSpan Delay = default) : FakeModelReply;

    /// <summary>The assistant calls a kernel function ("haihau-so_lieu") with JSON arguments; the next reply answers its result.</summary>
    public sealed record ToolCall(string Function, string ArgumentsJson) : FakeModelReply;

    /// <summary>An HTTP error in OpenAI's error envelope (429 with Retry-After, 500, 503 …).</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null) : FakeModelReply;

    /// <summary>200 with a body that is not JSON.</summary>
    public sealed record Malformed : FakeModelReply;

    /// <summary>Never answers: the call hangs until the client gives up (a timeout).</summary>
    public sealed record Hang : FakeModelReply;
}
