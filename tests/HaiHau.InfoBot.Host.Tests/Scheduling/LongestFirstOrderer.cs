using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HaiHau.InfoBot.Host.Tests.Scheduling.LongestFirstOrderer", "HaiHau.InfoBot.Host.Tests")]

namespace HaiHau.InfoBot.Host.Tests.Scheduling;

/// <summary>
/// Starts the classes marked <see cref="LongRunningAttribute"/> first, longest first, then all the others in xunit's
/// usual order. xunit picks classes in a hash order, so a class of two minutes could start last and finish alone; longest
/// first keeps the threads busy to the end.
/// xunit.runner.json runs three classes at once on 2 cores ("1.5x"). Two per core ("2x") was chosen on 3 Dec, when a
/// Host test spent much of its time waiting (a child host starting, chromium, PostgreSQL, the real clock) and one per
/// core left a core idle (a whole run then used 1.2 of 2 cores). Since then hosts share their validated data, and
/// the run keeps both cores busy (vmstat: 0 % idle for the whole of ./test.sh, 6 Dec), so a fourth
/// class at once only made the processes take the cores from each other: the same tests used more CPU. Measured 6 Dec,
/// both test projects at once as ./test.sh runs them, CPU of every process counted from /proc: 2x 216 s and 413 (with
/// the thread pool not spinning), 192 s and 363; 1x 178 s and 320, 187 s and 336; 1.5x 180 s and 340.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    // xunit names a class's own collection "Test collection for <full class name>", some versions adding " (id: …)".
    private const string Prefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select((collection, index) => (collection, index, seconds: MeasuredSeconds(collection)))
            .OrderByDescending(c => c.seconds)
            .ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int MeasuredSeconds(ITestCollection collection)
    {
        var name = collection.DisplayName;
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        name = name[Prefix.Length..];
        var id = name.IndexOf(" (", StringComparison.Ordinal);
        var type = typeof(LongestFirstOrderer).Assembly.GetType(id < 0 ? name : name[..id]);
        return type?.GetCustomAttribute<LongRunningAttribute>()?.MeasuredSeconds ?? 0;
    }
}
