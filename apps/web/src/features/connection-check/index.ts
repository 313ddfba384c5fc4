// What other features may use of the connection check; everything else here is its own.
export { ConnectionCheck } from './components/connection-check';
