using System.Diagnostics;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>
/// One turn as the metrics and traces see it: a "turn" activity (channel tag) from start to end, then the turn counter
/// and duration with the outcome. A turn that throws ends as "error".
/// </summary>
public sealed class TurnTelemetry : IDisposable
{
    public const string Answered = "answered";
    public const string UnknownConversation = "unknown_conversation";
    public const string Error = "error";

    /// <summary>Stored but not settled: the inbox retry sweep runs it again.</summary>
    public const string StillPending = "pending";

    private readonly InfoBotMetrics _metrics;
    private readonly string _channel;
    private readonly long _started;
    private readonly Activity? _activity;
    private string _outcome = Error;

    private TurnTelemetry(InfoBotMetrics metrics, string channel)
    {
        _metrics = metrics;
        _channel = channel;
        _started = Stopwatch.GetTimestamp();
        _activity = InfoBotMetrics.Activities.StartActivity("turn");
        _activity?.SetTag("infobot.channel", channel);
    }

    public static TurnTelemetry Start(InfoBotMetrics metrics, string channel) => new(metrics, channel);

    public void Done(string outcome) => _outcome = outcome;

    public void Dispose()
    {
        _activity?.SetTag("infobot.outcome", _outcome);
        if (_outcome == Error)
        {
            _activity?.SetStatus(ActivityStatusCode.Error);
        }

        _activity?.Dispose();
        _metrics.TurnRun(_channel, _outcome, Stopwatch.GetElapsedTime(_started));
    }
}
