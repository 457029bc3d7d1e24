using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HaiHau.InfoBot.Host.Tests.Scheduling.LongestFirstOrderer", "HaiHau.InfoBot.Host.Tests")]

namespace HaiHau.InfoBot.Host.Tests.Scheduling;

/// <summary>
/// Starts the classes marked <see cref="LongRunningAttribute"/> first, longest first, then all the others in xunit's
/// usual order. xunit picks classes in a hash order, so a class of two minutes could start last and finish alone; longest
/// first keeps the threads busy to the end.
/// xunit.runner.json runs two classes per core ("2x"), not xunit's one: a Host test spends much of its time waiting
/// (a child host starting, chromium, PostgreSQL, a fake API's hold, the real clock), and with one class per core that
/// waiting left a core idle (issue 15: a whole run used about 526 CPU-seconds in 7.5 minutes,
/// 1.2 of 2 cores). One pair of runs on the shared box, 3 Dec (mean load 21 before, 24 after): 35 min before, 18 after.
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
