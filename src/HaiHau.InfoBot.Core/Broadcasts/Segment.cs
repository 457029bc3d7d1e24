namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// Who an announcement is for. An empty list means "all" for that dimension; within a dimension the values are
/// alternatives (commune A or B), across dimensions they all apply (commune A and near-poor and on Zalo).
/// </summary>
/// <param name="Communes">Commune codes (communes.yaml).</param>
/// <param name="Categories">Household categories as residents declared them: ngheo, can-ngheo, moi-thoat-ngheo, muc-song-trung-binh, khac.</param>
/// <param name="Topics">Topic ids the resident asked to hear about (the topic registry's subjects).</param>
/// <param name="Channels">telegram, zalo, web.</param>
/// <param name="OnePerHousehold">At most one resident of each register household gets it.</param>
public sealed record Segment(
    IReadOnlyList<string> Communes,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Channels,
    bool OnePerHousehold = false)
{
    public static Segment Everyone { get; } = new([], [], [], []);
}
