using SbbCommerce.Api.Common.StateMachines;

namespace SbbCommerce.UnitTests.Common.StateMachines;

public sealed class StateMachineTests
{
    public enum Light
    {
        Red,
        Green,
        Amber,
        Broken,
    }

    private static readonly StateMachine<Light> Machine = new(new Dictionary<Light, Light[]>
    {
        [Light.Red] = [Light.Green, Light.Broken],
        [Light.Green] = [Light.Amber],
        [Light.Amber] = [Light.Red],
    });

    [Theory]
    [InlineData(Light.Red, Light.Green, true)]
    [InlineData(Light.Green, Light.Amber, true)]
    [InlineData(Light.Amber, Light.Red, true)]
    [InlineData(Light.Red, Light.Broken, true)]
    [InlineData(Light.Green, Light.Red, false)]
    [InlineData(Light.Red, Light.Red, false)]
    [InlineData(Light.Broken, Light.Red, false)]
    public void Given_the_table_When_asking_Then_only_listed_moves_are_allowed(Light from, Light to, bool allowed)
    {
        Assert.Equal(allowed, Machine.CanMove(from, to));
    }

    [Fact]
    public void Given_a_status_with_no_way_out_Then_it_is_terminal()
    {
        Assert.True(Machine.IsTerminal(Light.Broken));
        Assert.False(Machine.IsTerminal(Light.Red));
    }

    [Fact]
    public void Given_a_refused_move_When_creating_a_change_Then_none_is_made()
    {
        var at = DateTimeOffset.UnixEpoch;

        Assert.Null(StatusChange<Light>.TryCreate(Machine, Light.Green, Light.Red, "skip amber", StatusActor.System, at));
        var change = StatusChange<Light>.TryCreate(Machine, Light.Green, Light.Amber, "timer", StatusActor.System, at);
        Assert.NotNull(change);
        Assert.Equal(Light.Green, change.From);
        Assert.Equal("system", change.Actor.Type);
    }
}
