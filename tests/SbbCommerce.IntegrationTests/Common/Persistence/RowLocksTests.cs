using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.IntegrationTests.Common.Persistence;

/// <summary><see cref="RowLocks"/>: the row locked until the transaction ends, its xmin read as the entity's version.</summary>
public sealed class RowLocksTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private int _sortOrder;

    [Fact]
    public async Task Given_a_row_When_locked_by_id_Then_it_is_tracked_with_its_version_and_others_cannot_lock_it()
    {
        var id = await NewCategoryAsync();
        await using var scope = fixture.CreateScope();
        var db = ApiFixture.DbContext(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();

        var category = await db.LockAsync<ProductCategory>(id, CancellationToken.None);

        Assert.NotNull(category);
        Assert.Equal(EntityState.Unchanged, db.Entry(category).State);
        var xmin = await fixture.ScalarAsync<string>("SELECT xmin::text FROM product_categories WHERE id = @id", ("id", id));
        Assert.Equal(xmin, category.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            fixture.ExecuteAsync("SELECT 1 FROM product_categories WHERE id = @id FOR UPDATE NOWAIT", ("id", id)));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
    }

    [Fact]
    public async Task Given_a_condition_When_locking_Then_the_matching_rows_come_in_its_order()
    {
        var first = await NewCategoryAsync();
        var second = await NewCategoryAsync();
        await using var scope = fixture.CreateScope();
        var db = ApiFixture.DbContext(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        Guid[] ids = [first, second];

        var locked = await db.Locking<ProductCategory>($"id = ANY({ids}) ORDER BY sort_order DESC").ToListAsync();

        Assert.Equal(new[] { second, first }, locked.Select(c => c.Id));
    }

    [Fact]
    public async Task Given_no_such_row_When_locked_by_id_Then_null()
    {
        await using var scope = fixture.CreateScope();
        var db = ApiFixture.DbContext(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();

        Assert.Null(await db.LockAsync<ProductCategory>(Guid.NewGuid(), CancellationToken.None));
    }

    private async Task<Guid> NewCategoryAsync()
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync("INSERT INTO product_categories (id, name, slug, sort_order) VALUES (@id, 'Locks', @slug, @sort)",
            ("id", id), ("slug", "locks-" + id.ToString("N")), ("sort", ++_sortOrder));
        return id;
    }
}
