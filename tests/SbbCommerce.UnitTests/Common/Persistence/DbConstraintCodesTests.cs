using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.UnitTests.Common.Persistence;

public sealed class DbConstraintCodesTests
{
    private readonly DbConstraintCodes _codes = new([new DbConstraintCode("products_on_hand_covers_reserved", "insufficient_stock")]);

    [Fact]
    public void Given_a_constraint_a_module_registered_When_broken_Then_its_code_answers()
    {
        Assert.Equal("insufficient_stock", _codes.CodeOf("products_on_hand_covers_reserved"));
    }

    [Theory]
    [InlineData("product_categories_not_own_parent")]
    [InlineData(null)]
    public void Given_a_constraint_nobody_registered_When_broken_Then_the_general_code_answers(string? constraint)
    {
        Assert.Equal(DbConstraintCodes.ConstraintViolated, _codes.CodeOf(constraint));
    }
}
