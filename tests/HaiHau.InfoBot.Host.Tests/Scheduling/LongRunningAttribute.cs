namespace HaiHau.InfoBot.Host.Tests.Scheduling;

/// <summary>
/// A test class that takes minutes rather than seconds (other processes, a browser, thousands of turns). Such classes
/// start first (<see cref="LongestFirstOrderer"/>), so the run does not end with one of them going on alone while
/// the other test threads have nothing left to do.
/// </summary>
/// <param name="measuredSeconds">Its time in a whole run of the Host tests (trx durations, 2 cores), for the order only.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LongRunningAttribute(int measuredSeconds) : Attribute
{
    public int MeasuredSeconds { get; } = measuredSeconds;
}
