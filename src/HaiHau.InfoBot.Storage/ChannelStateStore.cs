using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>Durable per-channel values (a polling offset, a token pair). Each write is one row replaced whole.</summary>
public sealed class ChannelStateStore(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    public async Task<string?> GetAsync(string channel, string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ChannelState.AsNoTracking().Where(s => s.Channel == channel && s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
    }

    public Task SetAsync(string channel, string key, string value, CancellationToken ct) =>
        ReplaceAsync(channel, key, expected: null, value, anyCurrent: true, ct);

    /// <summary>
    /// Writes <paramref name="value"/> only if the stored value is still <paramref name="expected"/> (null: no row yet),
    /// so two writers cannot both rotate a single-use token. True when written.
    /// </summary>
    public Task<bool> CompareAndSetAsync(string channel, string key, string? expected, string value, CancellationToken ct) =>
        ReplaceAsync(channel, key, expected, value, anyCurrent: false, ct);

    private async Task<bool> ReplaceAsync(string channel, string key, string? expected, string value, bool anyCurrent, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!anyCurrent && db.IsPostgres())
        {
            return await CompareAndSetAtOnceAsync(db, channel, key, expected, value, ct);
        }

        return await writes.WriteAsync(async () =>
        {
            // Read and write inside the gate: the gate is the only writer, so nothing changes between them.
            var row = await db.ChannelState.FirstOrDefaultAsync(s => s.Channel == channel && s.Key == key, ct);
            if (!anyCurrent && row?.Value != expected)
            {
                return false;
            }

            if (row is null)
            {
                db.ChannelState.Add(new ChannelStateRecord { Channel = channel, Key = key, Value = value, UpdatedAt = time.GetUtcNow() });
            }
            else
            {
                row.Value = value;
                row.UpdatedAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    /// <summary>
    /// Several hosts write here on PostgreSQL (no one-writer gate), so the comparison and the write are one statement:
    /// a conditional update, or an insert the unique key refuses when another host inserted first.
    /// </summary>
    private async Task<bool> CompareAndSetAtOnceAsync(InfoBotDbContext db, string channel, string key, string? expected, string value, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (expected is not null)
        {
            return await db.ChannelState.Where(s => s.Channel == channel && s.Key == key && s.Value == expected)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value).SetProperty(s => s.UpdatedAt, now), ct) == 1;
        }

        db.ChannelState.Add(new ChannelStateRecord { Channel = channel, Key = key, Value = value, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
