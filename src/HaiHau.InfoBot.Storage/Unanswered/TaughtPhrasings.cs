namespace HaiHau.InfoBot.Storage.Unanswered;

/// <summary>
/// The staff phrasings the understanding may learn from (examples, links, confirmations: <see cref="StaffPhrasingKinds.Teaching"/>;
/// a confirmation that names no entry is left out of the version and by <see cref="StaffPhrasingKinds.Teaches"/>). Plain reads
/// (<see cref="RowQuery{T}"/>): the refresher checks their count every minute from start, and as LINQ that check kept EF
/// Core's query pipeline loaded in an idle host (issue 15).
/// </summary>
public static class TaughtPhrasings
{
    private static readonly object[] Kinds = [.. StaffPhrasingKinds.Teaching];

    private static readonly object[] AlwaysTeaching = [.. StaffPhrasingKinds.Teaching.Where(k => k != StaffPhrasingKinds.Confirmed)];

    /// <summary>
    /// How many teach and the newest id: what changes when staff teach or withdraw one. A confirmation that names no
    /// entry teaches nothing (<see cref="StaffPhrasingKinds.Teaches"/>), so it is not counted: the running bot does not
    /// rebuild for it.
    /// </summary>
    public static async Task<(int Count, long MaxId)> VersionAsync(InfoBotDbContext db, CancellationToken ct)
    {
        var (taught, newestTaught) = await CountAndNewestAsync(() => RowQuery<StaffPhrasingRecord>.From(db).In(nameof(StaffPhrasingRecord.Kind), AlwaysTeaching), ct);
        var (confirmed, newestConfirmed) = await CountAndNewestAsync(() => RowQuery<StaffPhrasingRecord>.From(db)
            .Where(nameof(StaffPhrasingRecord.Kind), StaffPhrasingKinds.Confirmed).NotNull(nameof(StaffPhrasingRecord.FaqId)), ct);
        return (taught + confirmed, Math.Max(newestTaught, newestConfirmed));
    }

    /// <summary>All of them in id order (a later decision on the same words wins), untracked.</summary>
    public static Task<List<StaffPhrasingRecord>> ListAsync(InfoBotDbContext db, CancellationToken ct) =>
        RowQuery<StaffPhrasingRecord>.From(db).In(nameof(StaffPhrasingRecord.Kind), Kinds).OrderBy(nameof(StaffPhrasingRecord.Id)).ListAsync(ct);

    private static async Task<(int Count, long Newest)> CountAndNewestAsync(Func<RowQuery<StaffPhrasingRecord>> rows, CancellationToken ct)
    {
        var count = await rows().CountAsync(ct);
        var newest = count == 0 ? [] : await rows().OrderBy(nameof(StaffPhrasingRecord.Id), descending: true).Take(1)
            .ValuesAsync<long>(nameof(StaffPhrasingRecord.Id), ct);
        return ((int)count, newest.Count == 0 ? 0 : newest[0]);
    }
}
