namespace SbbCommerce.Api.Modules.Cart.Data;

internal sealed class ShoppingCartConfiguration : IEntityTypeConfiguration<ShoppingCart>
{
    public void Configure(EntityTypeBuilder<ShoppingCart> builder)
    {
        builder.ToTable("carts");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.AnonymousId).HasMaxLength(100);
        builder.Property(e => e.Status).HasMaxLength(20).IsRequired();
        builder.Property(e => e.DiscountCode).HasMaxLength(50);
        builder.Property(e => e.UtmSource).HasMaxLength(100);
        builder.Property(e => e.UtmMedium).HasMaxLength(100);
        builder.Property(e => e.UtmCampaign).HasMaxLength(100);
        builder.Property(e => e.DiscountRemovedCode).HasMaxLength(50);
        builder.Property(e => e.DiscountRemovedReason).HasMaxLength(50);
    }
}
