using HaiHau.InfoBot.Host.Channels;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>Counts each push send as the outbox worker settles it, by its route (channel) and outcome.</summary>
internal sealed class SendMetrics(OutboxWorker outbox, InfoBotMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        outbox.Settled += Count;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        outbox.Settled -= Count;
        return Task.CompletedTask;
    }

    private void Count(Storage.OutboxDelivery delivery, Core.Channels.SendResult result) => metrics.SendSettled(delivery.To.Channel, result);
}
