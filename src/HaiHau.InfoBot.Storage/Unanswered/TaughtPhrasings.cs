namespace HaiHau.InfoBot.Storage.Unanswered;

/// <summary>
/// The staff phrasings the understanding may learn from (examples, links, confirmations: <see cref="StaffPhrasingKinds.Teaching"/>;
/// a confirmation that names no entry is read and left by <see cref="StaffPhrasingKinds.Teaches"/>). Plain reads
/// (<see cref="RowQuery{T}"/>): the refresher checks their count every minute from start, and as LINQ that check kept EF
/// Core's query pipeline loaded in an idle host (issue 15).
/// </summary>
public static class TaughtPhrasings
{
    private static readonly object[] Kinds = [.. StaffPhrasingKinds.Teaching];

    /// <summary>How many there are and the newest id: what changes when staff teach or withdraw one.</summary>
    public static async Task<(int Count, long MaxId)> VersionAsync(InfoBotDbContext db, CancellationToken ct)
    {
        var count = await Taught(db).CountAsync(ct);
        var newest = count == 0 ? [] : await Taught(db).OrderBy(nameof(StaffPhrasingRecord.Id), descending: true).Take(1)
            .ValuesAsync<long>(nameof(StaffPhrasingRecord.Id), ct);
        return ((int)count, newest.Count == 0 ? 0 : newest[0]);
    }

    /// <summary>All of them in id order (a later decision on the same words wins), untracked.</summary>
    public static Task<List<StaffPhrasingRecord>> ListAsync(InfoBotDbContext db, CancellationToken ct) =>
        Taught(db).OrderBy(nameof(StaffPhrasingRecord.Id)).ListAsync(ct);

    private static RowQuery<StaffPhrasingRecord> Taught(InfoBotDbContext db) =>
        RowQuery<StaffPhrasingRecord>.From(db).In(nameof(StaffPhrasingRecord.Kind), Kinds);
}
