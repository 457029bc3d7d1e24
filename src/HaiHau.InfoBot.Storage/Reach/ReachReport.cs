using System.Data.Common;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>A report's period (Vietnam calendar days, both included), the list year it counts against, and the commune it is limited to.</summary>
public sealed record ReachQuery(DateOnly From, DateOnly To, int ListYear, string? Commune);

/// <summary>One commune's line: the list's poor and near-poor households, and how many of them were reached.</summary>
public sealed record ReachLine(string Commune, int Poor, int NearPoor, int ReachedPoor, int ReachedNearPoor)
{
    public int Households => Poor + NearPoor;

    public int Reached => ReachedPoor + ReachedNearPoor;

    /// <summary>Reached ÷ households in percent (one decimal); null when the list has no household here.</summary>
    public decimal? Percent => Households == 0 ? null : Math.Round(100m * Reached / Households, 1);
}

/// <summary>Register households reached through one channel, topic or month (a household may count under several).</summary>
public sealed record ReachBreakdown(string Key, int Households);

/// <summary>Residents reached who declared themselves poor or near-poor but are not on the period's list (never in the indicator).</summary>
public sealed record SelfDeclaredLine(string? Commune, int Poor, int NearPoor);

public sealed record ReachResult(
    ReachQuery Query,
    IReadOnlyList<ReachLine> Communes,
    ReachLine District,
    IReadOnlyList<ReachBreakdown> ByChannel,
    IReadOnlyList<ReachBreakdown> ByTopic,
    IReadOnlyList<ReachBreakdown> ByMonth,
    IReadOnlyList<SelfDeclaredLine> SelfDeclared);

/// <summary>
/// The reach indicator (README, "The reach indicator"): in a period, a register household is reached when at least one
/// linked resident received information content in that period. One pass over the period's counted reach rows, read
/// through the covering partial index IX_reach_log_report (no table lookups), marking households in arrays.
/// No pre-aggregated table: erasing a resident must be able to take their rows out of every count, which a
/// per-household summary could not do without knowing whose reading it summed.
/// </summary>
public sealed class ReachReport(IDbContextFactory<InfoBotDbContext> factory)
{
    private const string Rows = """
        SELECT "HouseholdId", "ConversationId", "Channel", "Topic", "DeclaredCategory", "CommuneCode", "Day"
        FROM "reach_log" INDEXED BY "IX_reach_log_report"
        WHERE "Day" BETWEEN $from AND $to AND ("HouseholdId" IS NOT NULL OR "DeclaredCategory" IS NOT NULL)
        """;

    public async Task<ReachResult> RunAsync(ReachQuery query, IReadOnlyList<string> communeOrder, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var entries = await db.RegisterEntries.AsNoTracking()
            .Where(e => e.Year == query.ListYear && (query.Commune == null || e.CommuneCode == query.Commune))
            .Select(e => new { e.HouseholdId, e.CommuneCode, e.Category }).ToListAsync(ct);
        var index = new Dictionary<long, int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            index[entries[i].HouseholdId] = i;
        }

        var reached = new bool[entries.Count];
        var byChannel = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        var byTopic = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        var byMonth = new Dictionary<int, bool[]>();
        var candidates = new List<(string? Commune, string Category, long Unit, long Conversation)>();
        var onList = new HashSet<long>(); // conversations linked to a household of the list in the period

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Rows;
            Add(command, "$from", ReachDay.Of(query.From));
            Add(command, "$to", ReachDay.Of(query.To));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var household = reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0);
                if (household is { } id && index.TryGetValue(id, out var i))
                {
                    reached[i] = true;
                    onList.Add(reader.GetInt64(1));
                    Mark(byChannel, reader.GetString(2), i, entries.Count);
                    Mark(byTopic, reader.IsDBNull(3) ? "" : reader.GetString(3), i, entries.Count);
                    Mark(byMonth, reader.GetInt32(6) / 100, i, entries.Count);
                    continue;
                }

                var category = reader.IsDBNull(4) ? null : reader.GetString(4);
                var commune = reader.IsDBNull(5) ? null : reader.GetString(5);
                if (category is DeclaredCategories.Poor or DeclaredCategories.NearPoor && (query.Commune is null || commune == query.Commune))
                {
                    // Unlinked residents count one per conversation; a linked household off the list counts once.
                    var conversation = reader.GetInt64(1);
                    candidates.Add((commune, category, household ?? -conversation, conversation));
                }
            }
        }

        // A resident whose household is on the list and was reached (say, linked mid-period) is not also "off the list".
        var selfDeclared = candidates.Where(c => !onList.Contains(c.Conversation))
            .GroupBy(c => (c.Commune, c.Category)).ToDictionary(g => g.Key, g => g.Select(c => c.Unit).Distinct().ToList());
        var lines = new Dictionary<string, int[]>(StringComparer.Ordinal); // poor, near-poor, reached poor, reached near-poor
        for (var i = 0; i < entries.Count; i++)
        {
            if (!lines.TryGetValue(entries[i].CommuneCode, out var counts))
            {
                lines[entries[i].CommuneCode] = counts = new int[4];
            }

            var poor = entries[i].Category == RegisterCategory.Poor;
            counts[poor ? 0 : 1]++;
            if (reached[i])
            {
                counts[poor ? 2 : 3]++;
            }
        }

        var communes = communeOrder.Where(c => query.Commune is null || c == query.Commune)
            .Concat(lines.Keys.Where(k => !communeOrder.Contains(k)).Order(StringComparer.Ordinal))
            .Select(c => lines.TryGetValue(c, out var n) ? new ReachLine(c, n[0], n[1], n[2], n[3]) : new ReachLine(c, 0, 0, 0, 0))
            .ToList();
        var district = new ReachLine("", communes.Sum(c => c.Poor), communes.Sum(c => c.NearPoor), communes.Sum(c => c.ReachedPoor), communes.Sum(c => c.ReachedNearPoor));
        return new ReachResult(query, communes, district,
            Breakdown(byChannel, k => k), Breakdown(byTopic, k => k),
            Breakdown(byMonth, m => $"{m / 100:0000}-{m % 100:00}").OrderBy(b => b.Key, StringComparer.Ordinal).ToList(),
            selfDeclared.GroupBy(s => s.Key.Commune).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SelfDeclaredLine(g.Key,
                    g.Where(x => x.Key.Category == DeclaredCategories.Poor).Sum(x => x.Value.Count),
                    g.Where(x => x.Key.Category == DeclaredCategories.NearPoor).Sum(x => x.Value.Count)))
                .ToList());
    }

    private static void Mark<TKey>(Dictionary<TKey, bool[]> sets, TKey key, int i, int size)
        where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = new bool[size];
        }

        set[i] = true;
    }

    private static List<ReachBreakdown> Breakdown<TKey>(Dictionary<TKey, bool[]> sets, Func<TKey, string> name)
        where TKey : notnull =>
        sets.Select(s => new ReachBreakdown(name(s.Key), s.Value.Count(b => b))).OrderByDescending(b => b.Households).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
