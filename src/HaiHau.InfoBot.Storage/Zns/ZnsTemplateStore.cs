using HaiHau.InfoBot.Core.Broadcasts;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Zns;

/// <summary>A parameter of a template as Zalo lists it.</summary>
public sealed record ZnsTemplateParameter(string Name, int? MaxLength);

/// <summary>
/// The ZNS templates officers added and how each parameter is mapped (issue 18). Only a template whose every parameter
/// is mapped (<see cref="ZnsTemplateMapping.Usable"/>) is offered for an announcement and used to send one.
/// </summary>
public sealed class ZnsTemplateStore(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, TimeProvider time)
{
    public async Task<IReadOnlyList<ZnsTemplateMapping>> AllAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ZnsTemplateParameters.AsNoTracking().OrderBy(p => p.TemplateId).ThenBy(p => p.Position).ToListAsync(ct);
        return rows.GroupBy(p => p.TemplateId, StringComparer.Ordinal)
            .Select(g => new ZnsTemplateMapping(g.Key, g.Select(p => new ZnsParameterMapping(p.Name, p.Field, p.FixedText, p.MaxLength)).ToList()))
            .ToList();
    }

    /// <summary>The templates an announcement may go by (every parameter mapped).</summary>
    public async Task<IReadOnlyList<ZnsTemplateMapping>> UsableAsync(CancellationToken ct) =>
        (await AllAsync(ct)).Where(t => t.Usable).ToList();

    public async Task<ZnsTemplateMapping?> FindAsync(string templateId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.ZnsTemplateParameters.AsNoTracking().Where(p => p.TemplateId == templateId).OrderBy(p => p.Position).ToListAsync(ct);
        return rows.Count == 0 ? null : new ZnsTemplateMapping(templateId, rows.Select(p => new ZnsParameterMapping(p.Name, p.Field, p.FixedText, p.MaxLength)).ToList());
    }

    /// <summary>
    /// Adds a template with the parameters Zalo lists, or refreshes one already added: a parameter still listed keeps
    /// its mapping, a new one starts unmapped (so the template is not offered until mapped), a dropped one goes.
    /// </summary>
    public async Task AddAsync(string templateId, IReadOnlyList<ZnsTemplateParameter> parameters, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        await writes.WriteAsync(async () =>
        {
            var existing = await db.ZnsTemplateParameters.Where(p => p.TemplateId == templateId).ToListAsync(ct);
            db.ZnsTemplateParameters.RemoveRange(existing.Where(e => !parameters.Any(p => p.Name == e.Name)));
            for (var i = 0; i < parameters.Count; i++)
            {
                var row = existing.FirstOrDefault(e => e.Name == parameters[i].Name);
                if (row is null)
                {
                    row = new ZnsTemplateParameterRecord { TemplateId = templateId, Name = parameters[i].Name, UpdatedBy = by, UpdatedAt = now };
                    db.ZnsTemplateParameters.Add(row);
                }

                (row.Position, row.MaxLength) = (i, parameters[i].MaxLength);
            }

            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Stores what fills each parameter; names the template does not have, and unknown fields, are ignored (left unmapped).</summary>
    public async Task<ZnsTemplateMapping?> MapAsync(string templateId, IReadOnlyDictionary<string, (string? Field, string? FixedText)> mapping, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await writes.WriteAsync(async () =>
        {
            var rows = await db.ZnsTemplateParameters.Where(p => p.TemplateId == templateId).ToListAsync(ct);
            foreach (var row in rows)
            {
                var (field, fixedText) = mapping.TryGetValue(row.Name, out var chosen) ? chosen : (null, null);
                row.Field = ZnsFields.IsKnown(field) ? field : null;
                row.FixedText = row.Field == ZnsFields.Fixed && !string.IsNullOrWhiteSpace(fixedText) ? fixedText.Trim() : null;
                (row.UpdatedBy, row.UpdatedAt) = (by, now);
            }

            await db.SaveChangesAsync(ct);
            return rows.Count > 0;
        }, ct);
        return found ? await FindAsync(templateId, ct) : null;
    }

    public async Task<bool> RemoveAsync(string templateId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writes.WriteAsync(() => db.ZnsTemplateParameters.Where(p => p.TemplateId == templateId).ExecuteDeleteAsync(ct), ct) > 0;
    }

    /// <summary>
    /// The template an announcement goes by on ZNS and the text and link it fills it with; null when the announcement
    /// chose none, or its template is gone or no longer fully mapped (then ZNS is not a route for it).
    /// </summary>
    public async Task<ZnsBroadcastTemplate?> ForBroadcastAsync(long broadcastId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var broadcast = await db.Broadcasts.AsNoTracking().Where(b => b.Id == broadcastId)
            .Select(b => new { b.ZnsTemplateId, b.Text, b.Link }).FirstOrDefaultAsync(ct);
        if (broadcast?.ZnsTemplateId is not { } templateId || await FindAsync(templateId, ct) is not { Usable: true } template)
        {
            return null;
        }

        return new ZnsBroadcastTemplate(template, broadcast.Text, broadcast.Link);
    }
}
