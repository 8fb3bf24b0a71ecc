import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotFound } from '#app/not-found';
import { ExportButton } from '#modules/exports';
import { RecordListPage } from '#shared/records/list/record-list-page';
import { RecordCreatePage } from '#shared/records/record-create-page';
import './messages';
import { PriceBooksPage } from './price-books-page';
import { ProductDetailPage } from './product-detail-page';
import { productObject } from './product-object';

/** The catalog: products and price books as two tabs over their pages. */
function CatalogTabs({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = pathname.startsWith('/products/price-books') ? 'price-books' : 'products';
  return (
    <>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(key === 'price-books' ? '/products/price-books' : '/products')}
        items={[
          { key: 'products', label: t('products.tabs.products') },
          { key: 'price-books', label: t('products.tabs.priceBooks') },
        ]}
      />
      {children}
    </>
  );
}

export function ProductsRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <CatalogTabs>
            <RecordListPage def={productObject} exportButton={ExportButton} />
          </CatalogTabs>
        }
      />
      <Route
        path="price-books"
        element={
          <CatalogTabs>
            <PriceBooksPage />
          </CatalogTabs>
        }
      />
      <Route path="new" element={<RecordCreatePage def={productObject} />} />
      <Route path=":id" element={<ProductDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
