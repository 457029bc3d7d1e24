using HaiHau.InfoBot.Storage.Records;

namespace HaiHau.InfoBot.Storage;

/// <summary>The readiness probe's query: a real read of a table the migrations create (an open file alone proves little).</summary>
public static class StoreProbe
{
    /// <summary>
    /// Throws when the store cannot be read. A plain read (<see cref="RowQuery{T}"/>): a load balancer calls /health every
    /// few seconds, and as LINQ it kept EF Core's query pipeline loaded in a host nobody had written to (issue 15).
    /// </summary>
    public static Task ReadAsync(InfoBotDbContext db, CancellationToken ct) => RowQuery<InboxRecord>.From(db).AnyAsync(ct);
}
