import { mount } from 'svelte';
import '@xyflow/svelte/dist/style.css';
import './studio.css';
import App from './App.svelte';

const target = document.getElementById('app')!;
target.replaceChildren();
mount(App, { target });
