using System.Data.Common;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// A report's period (Vietnam calendar days, both included), the list year it counts against, and the commune it is
/// limited to. <paramref name="ByFormerUnit"/> lines the households up by the former unit the list named (a 2022 list
/// read by its old xã and thị trấn), today's commune for the others; the commune limit is still today's commune.
/// </summary>
public sealed record ReachQuery(DateOnly From, DateOnly To, int ListYear, string? Commune, bool ByFormerUnit = false);

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
/// linked resident received information content in that period. One pass over the period's counted reach rows, held
/// in memory by <see cref="ReachRows"/> and refreshed incrementally before each report (only rows appended and
/// erasures noted since the last report are read), marking households in arrays. Register it as a singleton.
/// No pre-aggregated table: erasing a resident must be able to take their rows out of every count, which a
/// per-household summary could not do without knowing whose reading it summed; and per (day, conversation) rows
/// barely repeat, so a deduplicating table would hold nearly as many rows as the log.
/// </summary>
public sealed class ReachReport(IDbContextFactory<InfoBotDbContext> factory)
{
    // Rows read since the file was last written before a warm-up or a report writes it again: the warm-up (in the
    // background) after any, a report (which a user waits for, about 30 ms per 700,000 rows) only after many.
    private const int SaveAfterWarmUpRows = 1;
    private const int SaveAfterReportRows = 50_000;

    private readonly Lock _gate = new();
    private ReachRows _log = new();
    private bool _fileTried;
    private int _savedCount;
    private readonly Dictionary<int, ((long Imports, long Rows) Version, List<(long Household, string Commune, string? Former, RegisterCategory Category)> Entries)> _lists = [];

    public Task<ReachResult> RunAsync(ReachQuery query, IReadOnlyList<string> communeOrder, CancellationToken ct) =>
        WithListAsync(query, list =>
        {
            var entries = (query.Commune is null ? list : list.Where(e => e.Commune == query.Commune))
                .Select(e => (e.Household, Commune: query.ByFormerUnit ? e.Former ?? e.Commune : e.Commune, e.Category)).ToList();
            return Count(query, communeOrder, entries);
        }, ct);

    /// <summary>
    /// The ids of the list's households (of the query's commune, if any) reached in the period: the same rows and the
    /// same rule as <see cref="RunAsync"/>, so a follow-up list of households «chưa tiếp cận» always holds exactly the
    /// households the report counts as not reached (one query, not two that can drift apart).
    /// </summary>
    public Task<IReadOnlySet<long>> ReachedHouseholdsAsync(ReachQuery query, CancellationToken ct) =>
        WithListAsync(query, list =>
        {
            var onList = (query.Commune is null ? list : list.Where(e => e.Commune == query.Commune)).Select(e => e.Household).ToHashSet();
            var (from, to) = (ReachDay.Of(query.From), ReachDay.Of(query.To));
            var reached = new HashSet<long>();
            foreach (ref readonly var row in _log.Rows)
            {
                if (row.Day >= from && row.Day <= to && row.Household > 0 && onList.Contains(row.Household))
                {
                    reached.Add(row.Household);
                }
            }

            return (IReadOnlySet<long>)reached;
        }, ct);

    /// <summary>Runs <paramref name="count"/> over the year's list and the refreshed log, under the report's lock.</summary>
    private async Task<T> WithListAsync<T>(
        ReachQuery query, Func<List<(long Household, string Commune, string? Former, RegisterCategory Category)>, T> count, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var version = await ListVersionAsync(connection, query.ListYear, ct);

        // Microsoft.Data.Sqlite reads synchronously even through its async methods, so a plain lock costs nothing more.
        lock (_gate)
        {
            if (!_lists.TryGetValue(query.ListYear, out var list) || list.Version != version)
            {
                _lists[query.ListYear] = list = (version, List(connection, query.ListYear));
            }

            if (connection is Npgsql.NpgsqlConnection)
            {
                // PostgreSQL hands out ids to several writers (hosts, concurrent turns) that commit in any order: a row
                // committed late under a lower id would be missed by reading only ids above the last seen. So there
                // the log is read whole for each report (correct whichever host wrote); SQLite keeps the incremental read.
                _log = new ReachRows();
            }

            Refresh(connection, SaveAfterReportRows);
            return count(list.Entries);
        }
    }

    /// <summary>
    /// Reads the counted reach rows (from the file the last run kept, then the rows after it) and the newest year's list
    /// into memory, as the first report would: run in the background once the host has started (Host's ReachWarmUp), so
    /// the first report after a start reads only what arrived since (issue 15: at 1 M rows the first report otherwise
    /// took seconds). A report asked for meanwhile
    /// waits for it and then counts at once. Returns how many counted rows are held.
    /// </summary>
    public async Task<int> WarmUpAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        int? year;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT MAX("Year") FROM "register_entries" """;
            year = await command.ExecuteScalarAsync(ct) is long y ? (int)y : null;
        }

        var version = year is { } newest ? await ListVersionAsync(connection, newest, ct) : default;
        lock (_gate)
        {
            if (year is { } listYear && (!_lists.TryGetValue(listYear, out var list) || list.Version != version))
            {
                _lists[listYear] = (version, List(connection, listYear));
            }

            Refresh(connection, SaveAfterWarmUpRows);
            return _log.Count;
        }
    }

    /// <summary>
    /// Brings the held rows up to date and writes them to their file (<see cref="ReachRowsFile"/>) if rows arrived since
    /// it was written or it is gone: when the host stops, so the next start reads only what comes after. Nothing for PostgreSQL or an in-memory database.
    /// </summary>
    public async Task KeepAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (ReachRowsFile.PathFor(connection) is null)
        {
            return;
        }

        await connection.OpenAsync(ct);
        lock (_gate)
        {
            Refresh(connection, 1); // erasures too: the file must not bring back a link an erasure cleared meanwhile
        }
    }

    /// <summary>
    /// Brings the held rows up to date: on the first call of a process from the file the last run kept, if the database
    /// still matches it, then only the rows after it; written back to the file once enough have arrived since.
    /// </summary>
    private void Refresh(DbConnection connection, int saveAfter)
    {
        if (!_fileTried)
        {
            _fileTried = true;
            if (_log.Count == 0 && ReachRowsFile.PathFor(connection) is { } path && ReachRowsFile.TryLoad(_log, connection, path))
            {
                _savedCount = _log.Count;
            }
        }

        _log.Refresh(connection);
        Save(connection, saveAfter);
    }

    private void Save(DbConnection connection, int after)
    {
        if (ReachRowsFile.PathFor(connection) is not { } path || _log.Count == 0 || (_log.Count - _savedCount < after && File.Exists(path)))
        {
            return;
        }

        try
        {
            ReachRowsFile.Save(_log, connection, path);
            _savedCount = _log.Count;
        }
        catch (IOException)
        {
            // A read-only or full disk costs only the next start's speed: the log itself is untouched.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The year's list changes only through imports (each one adds a household_imports row, applied or not); the count
    /// of the year's rows guards against any other writer. Reading 100,000 list rows costs more than the whole count.
    /// </summary>
    private static async Task<(long, long)> ListVersionAsync(DbConnection connection, int year, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COALESCE(MAX("Id"), 0) FROM "household_imports"), (SELECT COUNT(*) FROM "register_entries" WHERE "Year" = @year)
            """;
        ReachRows.Add(command, "@year", year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    // The hot loop runs over every counted row in memory: arrays indexed by SQLite ids and by the log's small codes, no hashing.
    private ReachResult Count(ReachQuery query, IReadOnlyList<string> communeOrder, List<(long Household, string Commune, RegisterCategory Category)> entries)
    {
        var slot = new int[entries.Count == 0 ? 1 : (int)Math.Min(int.MaxValue - 1, entries.Max(e => e.Household)) + 1]; // household id → entry + 1
        for (var i = 0; i < entries.Count; i++)
        {
            slot[entries[i].Household] = i + 1;
        }

        var (from, to) = (ReachDay.Of(query.From), ReachDay.Of(query.To));
        var firstMonth = (from / 10000 * 12) + (from / 100 % 100);
        var reached = new bool[entries.Count];
        var byChannel = new bool[_log.Codes][];
        var byTopic = new bool[_log.Codes + 1][]; // the last one: rows without a topic
        var byMonth = new bool[Math.Max(1, (to / 10000 * 12) + (to / 100 % 100) - firstMonth + 1)][];
        var candidates = new List<(short Commune, short Category, long Unit, long Conversation)>();
        var onList = new bool[_log.MaxConversation + 1]; // conversations linked to a household of the list in the period
        var (poorCode, nearPoorCode) = (_log.CodeOf(DeclaredCategories.Poor), _log.CodeOf(DeclaredCategories.NearPoor));
        var communeCode = query.Commune is null ? ReachRows.None : _log.CodeOf(query.Commune);
        foreach (ref readonly var row in _log.Rows)
        {
            if (row.Day < from || row.Day > to)
            {
                continue;
            }

            if (row.Household > 0 && row.Household < slot.Length && slot[row.Household] is > 0 and var s)
            {
                var i = s - 1;
                reached[i] = true;
                onList[row.Conversation] = true;

                Mark(byChannel, row.Channel, i, entries.Count);
                Mark(byTopic, row.Topic == ReachRows.None ? _log.Codes : row.Topic, i, entries.Count);
                Mark(byMonth, (row.Day / 10000 * 12) + (row.Day / 100 % 100) - firstMonth, i, entries.Count);
                continue;
            }

            if (row.Category != ReachRows.None && (row.Category == poorCode || row.Category == nearPoorCode)
                && (query.Commune is null || (communeCode != ReachRows.None && row.Commune == communeCode)))
            {
                // Unlinked residents count one per conversation; a linked household off the list counts once.
                candidates.Add((row.Commune, row.Category, row.Household != 0 ? row.Household : -row.Conversation, row.Conversation));
            }
        }

        // A resident whose household is on the list and was reached (say, linked mid-period) is not also "off the list".
        var selfDeclared = candidates.Where(c => !onList[c.Conversation])
            .GroupBy(c => (Commune: c.Commune == ReachRows.None ? null : _log.Name(c.Commune), Category: _log.Name(c.Category)))
            .ToDictionary(g => g.Key, g => g.Select(c => c.Unit).Distinct().ToList());
        var lines = new Dictionary<string, int[]>(StringComparer.Ordinal); // poor, near-poor, reached poor, reached near-poor
        for (var i = 0; i < entries.Count; i++)
        {
            if (!lines.TryGetValue(entries[i].Commune, out var counts))
            {
                lines[entries[i].Commune] = counts = new int[4];
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
            Breakdown(byChannel, c => _log.Name((short)c)), Breakdown(byTopic, t => t == _log.Codes ? "" : _log.Name((short)t)),
            Breakdown(byMonth, m => $"{(firstMonth + m - 1) / 12:0000}-{((firstMonth + m - 1) % 12) + 1:00}").OrderBy(b => b.Key, StringComparer.Ordinal).ToList(),
            selfDeclared.GroupBy(s => s.Key.Commune).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SelfDeclaredLine(g.Key,
                    g.Where(x => x.Key.Category == DeclaredCategories.Poor).Sum(x => x.Value.Count),
                    g.Where(x => x.Key.Category == DeclaredCategories.NearPoor).Sum(x => x.Value.Count)))
                .ToList());
    }

    /// <summary>The year's list (the denominator), every commune, read with a plain reader.</summary>
    private static List<(long Household, string Commune, string? Former, RegisterCategory Category)> List(DbConnection connection, int year)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "HouseholdId", "CommuneCode", "FormerCommuneCode", "Category" FROM "register_entries" WHERE "Year" = @year""";
        ReachRows.Add(command, "@year", year);
        var entries = new List<(long, string, string?, RegisterCategory)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add((reader.GetInt64(0), string.Intern(reader.GetString(1)), reader.IsDBNull(2) ? null : string.Intern(reader.GetString(2)),
                (RegisterCategory)reader.GetInt32(3)));
        }

        return entries;
    }

    private static void Mark(bool[][] sets, int key, int i, int size) => (sets[key] ??= new bool[size])[i] = true;

    private static List<ReachBreakdown> Breakdown(bool[][] sets, Func<int, string> name) =>
        sets.Select((set, key) => (set, key)).Where(s => s.set is not null)
            .Select(s => new ReachBreakdown(name(s.key), s.set.Count(b => b))).OrderByDescending(b => b.Households).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
}
