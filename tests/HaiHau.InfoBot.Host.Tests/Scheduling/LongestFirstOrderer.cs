using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HaiHau.InfoBot.Host.Tests.Scheduling.LongestFirstOrderer", "HaiHau.InfoBot.Host.Tests")]

namespace HaiHau.InfoBot.Host.Tests.Scheduling;

/// <summary>
/// Starts the classes marked <see cref="LongRunningAttribute"/> first, longest first, then all the others in xunit's
/// usual order. xunit runs as many classes at once as there are cores and by default picks them in a hash order, so a
/// class of two minutes could start last and finish alone; longest first keeps both threads busy to the end.
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
