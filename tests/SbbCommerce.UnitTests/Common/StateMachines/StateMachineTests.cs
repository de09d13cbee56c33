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
    public void Given_a_status_with_ways_out_Then_next_lists_exactly_them()
    {
        Assert.Equal(new HashSet<Light> { Light.Green, Light.Broken }, Machine.NextOf(Light.Red).ToHashSet());
        Assert.Empty(Machine.NextOf(Light.Broken));
    }
}
