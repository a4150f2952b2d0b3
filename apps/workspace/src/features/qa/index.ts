export { MyReviewPage } from './MyReviewPage.tsx';
export { MyReviewsPage } from './MyReviewsPage.tsx';
