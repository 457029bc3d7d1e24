namespace HaiHau.InfoBot.Channels;
internal static class Placeholder { }
