using Microsoft.EntityFrameworkCore;
using Npgsql;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.UnitTests.Common.Persistence;

public sealed class DbErrorsTests
{
    [Fact]
    public void Given_a_unique_violation_in_a_save_When_recognised_Then_its_constraint_is_named()
    {
        var exception = SaveFailure(PostgresErrorCodes.UniqueViolation, "products_sku_unique");

        Assert.Equal("products_sku_unique", DbErrors.UniqueViolation(exception));
        Assert.True(exception.IsUniqueViolation("products_sku_unique"));
        Assert.False(exception.IsUniqueViolation("products_slug_unique"));
        Assert.Null(DbErrors.CheckViolation(exception));
    }

    [Fact]
    public void Given_a_bare_server_refusal_When_recognised_Then_it_counts_like_one_inside_a_save()
    {
        var exception = Refusal(PostgresErrorCodes.ForeignKeyViolation, "product_categories_parent_id_fkey");

        Assert.True(DbErrors.IsForeignKeyViolation(exception));
        Assert.Null(DbErrors.UniqueViolation(exception));
    }

    [Fact]
    public void Given_a_check_violation_When_recognised_Then_its_constraint_is_named()
    {
        var exception = SaveFailure(PostgresErrorCodes.CheckViolation, "products_on_hand_covers_reserved");

        Assert.Equal("products_on_hand_covers_reserved", DbErrors.CheckViolation(exception));
        Assert.False(DbErrors.IsForeignKeyViolation(exception));
    }

    [Fact]
    public void Given_another_failure_When_recognised_Then_it_is_none_of_them()
    {
        var exception = new DbUpdateException("lost", new TimeoutException());

        Assert.Null(DbErrors.UniqueViolation(exception));
        Assert.Null(DbErrors.CheckViolation(exception));
        Assert.False(DbErrors.IsForeignKeyViolation(exception));
    }

    private static DbUpdateException SaveFailure(string sqlState, string constraint) =>
        new("save failed", Refusal(sqlState, constraint));

    private static PostgresException Refusal(string sqlState, string constraint) =>
        new("refused", "ERROR", "ERROR", sqlState, constraintName: constraint);
}
