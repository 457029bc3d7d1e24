using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The feature names a host reads back at start are packed (<see cref="PackedNames"/>) to spare idle memory: every
/// name is found under its id, nothing else is, and a space read back reads questions exactly as the space it was built
/// from.
/// </summary>
public sealed class PackedNamesTests
{
    [Fact]
    public void Every_name_is_found_under_its_id_and_nothing_else_is()
    {
        string[] names = ["bao", "hiem", "bao_hiem", "#<ba", "", "can_ngheo", "ngheo"];
        var packed = PackedNames.From(names);

        Assert.Equal(names.Length, packed.Count);
        for (var id = 0; id < names.Length; id++)
        {
            Assert.True(packed.TryGetId(names[id], out var found));
            Assert.Equal(id, found);
            Assert.Equal(names[id], packed.Name(id));
        }

        Assert.False(packed.TryGetId("ba", out _));
        Assert.False(packed.TryGetId("bao_hiem_y", out _));
        Assert.False(PackedNames.From([]).TryGetId("bao", out _));
    }

    [Fact]
    public void Thousands_of_names_that_share_their_hash_slots_are_all_found()
    {
        var names = Enumerable.Range(0, 20_000).Select(i => $"w{i}_x{i % 97}").ToList();
        var packed = PackedNames.From(names);

        Assert.All(Enumerable.Range(0, names.Count), id => Assert.True(packed.TryGetId(names[id], out var found) && found == id));
        Assert.All(Enumerable.Range(20_000, 500), i => Assert.False(packed.TryGetId($"w{i}_x{i % 97}", out _)));
    }

    [Fact]
    public void A_space_read_back_reads_every_question_as_the_space_it_was_built_from()
    {
        var questions = EngineHarness.Repo.Understanding.Examples.Take(400).Select(e => (IReadOnlyList<string>)e.Text.ToLowerInvariant().Split(' ')).ToList();
        var built = new FeatureSpace();
        built.Learn(questions);
        var readBack = FeatureSpace.FromNames(built.Names.ToList());

        Assert.Equal(built.Count, readBack.Count);
        Assert.Equal(built.Names, readBack.Names);
        Assert.All(questions.Concat([["câu", "chưa", "gặp", "bao", "giờ"]]), q =>
        {
            var (a, b) = (built.Vectorize(q), readBack.Vectorize(q));
            Assert.Equal(a.Ids, b.Ids);
            Assert.Equal(a.Values, b.Values);
        });
        Assert.Throws<InvalidOperationException>(() => readBack.Learn(questions));
    }
}
